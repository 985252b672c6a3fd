// When the shared key is saturated, the student still gets an answer and the badge says why.
import { LoginPage } from "../pages/login-page";
import { TutorPage } from "../pages/tutor-page";
import { PASSWORD, configureSimulator, expect, test } from "../fixtures";

test("with the simulator saturated the badge shows practice mode and its reason", async ({ page, world }) => {
  await new LoginPage(page).signIn(world.students[1]!.email, PASSWORD);
  const tutor = new TutorPage(page);
  await configureSimulator({ rpm: 1 });
  try {
    let mode: string | null = null;
    // The first request may still fit the simulator's refilled bucket; the ones after it can't.
    for (let i = 0; i < 3 && mode !== "fallback"; i++) {
      await tutor.ask(`What is a fraction? (${i})`);
      const answer = await tutor.waitForAnswer();
      mode = await answer.getByTestId("mode-badge").getAttribute("data-mode");
    }
    expect(mode).toBe("fallback");
    const answer = tutor.lastAnswer();
    await expect(answer.getByTestId("mode-badge")).toHaveText("Practice mode");
    await expect(answer.getByTestId("mode-reason")).toContainText(/slow down|busy|couldn't get to you/);
    expect((await answer.innerText()).length).toBeGreaterThan(40);
  } finally {
    await configureSimulator({ rpm: 50 });
  }
});
