// With no ANTHROPIC_API_KEY the tutor still answers, from the offline tutor, and says so plainly.
import { LoginPage } from "../pages/login-page";
import { TutorPage } from "../pages/tutor-page";
import { PASSWORD, expect, test } from "../fixtures";

test.use({ baseURL: `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}` });

test("without a key the page says practice mode and a maths question gets a worked hint", async ({ page, world }) => {
  await new LoginPage(page).signIn(world.students[0]!.email, PASSWORD);
  await expect(page.getByTestId("offline-notice")).toContainText("practice mode");
  const tutor = new TutorPage(page);
  await tutor.ask("solve 2x + 6 = 14");
  const answer = await tutor.waitForAnswer();
  await expect(answer.getByTestId("mode-badge")).toHaveAttribute("data-mode", "fallback");
  await expect(answer.getByTestId("mode-reason")).toContainText("isn't connected");
  await expect(answer).toContainText(/x/);
});
