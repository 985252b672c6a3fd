// Friendly handling when a message can't be answered right now: the message limit and a lost connection.
import { LoginPage } from "../pages/login-page";
import { TutorPage } from "../pages/tutor-page";
import { PASSWORD, expect, test } from "../fixtures";

test("over the message limit the student sees a countdown, not an error, and keeps their message", async ({ page, world }) => {
  await new LoginPage(page).signIn(world.students[0]!.email, PASSWORD);
  await expect(page).toHaveURL(/\/tutor$/);
  // The page's request context shares the browser's session cookie.
  for (let i = 0; i < 10; i++) {
    const res = await page.request.post("/api/tutor", { data: { message: `quick question ${i}: what is 2 + ${i}?` } });
    expect(res.status()).toBe(200);
    await res.body();
  }
  const tutor = new TutorPage(page);
  await tutor.ask("one more: what is a prime number?");
  const problem = page.getByTestId("send-problem");
  await expect(problem).toContainText(/You can send another in \d+ s/);
  await expect(page.getByLabel("Your message")).toHaveValue("one more: what is a prime number?");
  await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();
});

test("a lost connection keeps the typed message and offers a retry that works", async ({ page, world }) => {
  await new LoginPage(page).signIn(world.students[1]!.email, PASSWORD);
  await page.route("**/api/tutor", (route) => route.abort("internetdisconnected"));
  const tutor = new TutorPage(page);
  await tutor.ask("What is the water cycle?");
  await expect(page.getByTestId("send-problem")).toContainText(/connection was lost/i);
  await expect(page.getByLabel("Your message")).toHaveValue("What is the water cycle?");
  await page.unroute("**/api/tutor");
  await page.getByRole("button", { name: "Try again" }).click();
  const answer = await tutor.waitForAnswer();
  expect((await answer.innerText()).length).toBeGreaterThan(40);
  await expect(page.getByTestId("send-problem")).toHaveCount(0);
});
