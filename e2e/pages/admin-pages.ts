// Page objects for the admin console, by role, label and test id.
import { expect, type Page } from "@playwright/test";

export class BudgetsPage {
  constructor(private page: Page) {}

  async open() {
    await this.page.goto("/admin/budgets");
    await expect(this.page.getByRole("heading", { name: "Budgets", level: 1 })).toBeVisible();
  }

  /** Opens a class's override and saves new values; waits for the confirmation. */
  async setClassPolicy(classId: string, values: Record<string, string>) {
    const item = this.page.locator(`[data-testid="policy-class"][data-class-id="${classId}"]`);
    await item.locator("summary").click();
    const form = item.getByTestId("policy-form");
    for (const [label, value] of Object.entries(values)) await form.getByLabel(label, { exact: true }).fill(value);
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByTestId("policy-feedback")).toHaveAttribute("data-kind", "ok");
  }
}

export class PeoplePage {
  constructor(private page: Page) {}

  async open() {
    await this.page.goto("/admin/users");
    await expect(this.page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
  }

  async importRoster(csv: string) {
    const section = this.page.getByTestId("roster-import");
    await section.getByLabel("Roster CSV").fill(csv);
    await section.getByRole("button", { name: "Import" }).click();
    await expect(section.getByTestId("roster-feedback")).toBeVisible();
    return section;
  }
}

export class OpsPage {
  constructor(private page: Page) {}

  async open() {
    await this.page.goto("/admin/ops");
    await expect(this.page.getByTestId("ops-view")).toBeVisible();
  }

  async count(testId: "ops-429" | "ops-calls" | "ops-turns"): Promise<number> {
    return Number(await this.page.getByTestId(testId).innerText());
  }

  /** How much of a limit the governor has handed out in the last minute. */
  async used(testId: "ops-rpm" | "ops-itpm" | "ops-otpm"): Promise<number> {
    return Number(await this.page.getByTestId(testId).getAttribute("data-used"));
  }
}
