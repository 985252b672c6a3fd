// A student whose budget is used up still gets a worked hint, in practice mode, with the refill time.
import { LoginPage } from "../pages/login-page";
import { TutorPage } from "../pages/tutor-page";
import { PASSWORD, db, expect, test } from "../fixtures";

test("with an exhausted budget a maths question gets a hint from practice mode", async ({ page, world }) => {
  const student = world.students[0]!;
  // A student override far below one request's reservation: every model answer is out of budget.
  await db().budgetPolicy.create({ data: { schoolId: world.schoolId, scope: `student:${student.id}`, studentId: student.id, tokensPerWindow: 50 } });
  await new LoginPage(page).signIn(student.email, PASSWORD);
  await expect(page.getByTestId("budget-meter")).toHaveAttribute("data-limit", "50");
  const tutor = new TutorPage(page);
  await tutor.ask("how do i solve 4x - 7 = 21");
  const answer = await tutor.waitForAnswer();
  await expect(answer.getByTestId("mode-badge")).toHaveAttribute("data-mode", "fallback");
  await expect(answer.getByTestId("mode-reason")).toContainText("used your tutor budget");
  await expect(answer).toContainText(/Hint 1 of 3/);
  await expect(answer).toContainText(/refill|back|minutes|min/i);

  // Asking for the next hint climbs the ladder in the same conversation.
  await tutor.ask("another hint please");
  const second = await tutor.waitForAnswer();
  await expect(second).toContainText(/Hint 2 of 3/);
});
