import { expect, type Page } from "@playwright/test";

export class TutorPage {
  constructor(private page: Page) {}

  async ask(text: string) {
    await this.page.getByLabel("Your message").fill(text);
    await this.page.getByRole("button", { name: "Send" }).click();
  }

  lastAnswer() {
    return this.page.getByTestId("tutor-message").last();
  }

  async waitForAnswer() {
    const answer = this.lastAnswer();
    await expect(answer).not.toHaveAttribute("aria-busy", "true");
    await expect(answer.getByTestId("mode-badge")).toBeVisible();
    return answer;
  }
}
