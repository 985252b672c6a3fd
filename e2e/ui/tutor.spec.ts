// A student's streamed answer, and the teacher's count rising from the database.
import { LoginPage } from "../pages/login-page";
import { TutorPage } from "../pages/tutor-page";
import { PASSWORD, expect, test } from "../fixtures";

test("a student gets a streamed answer and the teacher sees today's count rise", async ({ world, browser }) => {
  const teacherCtx = await browser.newContext();
  const teacher = await teacherCtx.newPage();
  await new LoginPage(teacher).signIn(world.teacher.email, PASSWORD);
  const row = teacher.locator(`[data-class-id="${world.classId}"]`);
  await expect(row.getByTestId("messages-today")).toHaveText("0");

  const studentCtx = await browser.newContext();
  const student = await studentCtx.newPage();
  await new LoginPage(student).signIn(world.students[0]!.email, PASSWORD);
  const tutor = new TutorPage(student);
  await tutor.ask("Can you help me understand how to solve 2x + 3 = 11?");
  const answer = await tutor.waitForAnswer();
  await expect(answer).not.toHaveText("…");
  expect((await answer.innerText()).length).toBeGreaterThan(40);
  await expect(student.getByTestId("budget-meter")).toBeVisible();
  // The conversation is listed and reopens with its messages.
  await expect(student.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /2x \+ 3/ })).toBeVisible();

  await expect(async () => {
    await teacher.reload();
    await expect(row.getByTestId("messages-today")).toHaveText("1", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  await teacherCtx.close();
  await studentCtx.close();
});
