import { expect, type Page } from "@playwright/test";

/** The teacher's class list, class dashboard and student drill-down, by roles and test ids. */
export class TeacherDashboardPage {
  constructor(private page: Page) {}

  classRow(classId: string) {
    return this.page.locator(`[data-testid="class-row"][data-class-id="${classId}"]`);
  }

  async openClass(classId: string) {
    await this.classRow(classId).getByRole("link").click();
    await expect(this.page).toHaveURL(new RegExp(`/teacher/classes/${classId}`));
    await expect(this.page.getByTestId("usage-chart")).toBeVisible();
  }

  totalMessages() {
    return this.page.getByTestId("total-messages");
  }

  chart() {
    return this.page.getByTestId("usage-chart");
  }

  studentRow(studentId: string) {
    return this.page.locator(`[data-testid="student-row"][data-student-id="${studentId}"]`);
  }

  async openStudent(studentId: string) {
    await this.studentRow(studentId).getByRole("link").click();
    await expect(this.page.getByTestId("transcript")).toBeVisible();
  }

  async grantTopUp(tokens: number) {
    await this.page.getByLabel("Extra tokens").fill(String(tokens));
    await this.page.getByRole("button", { name: "Grant top-up" }).click();
    const result = this.page.getByTestId("top-up-result");
    await expect(result).toHaveAttribute("data-ok", "true");
    return result;
  }
}
