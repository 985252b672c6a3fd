// Every role signs in through the form with the seeded demo accounts and lands on its home.
import { LoginPage } from "../pages/login-page";
import { expect, test } from "../fixtures";

const SEED_PASSWORD = process.env.SEED_PASSWORD ?? "fairtutor-demo";

for (const [email, path, heading] of [
  ["student001@demo.test", "/tutor", null],
  ["teacher1@demo.test", "/teacher", "My classes"],
  ["admin@demo.test", "/admin", "Demo School"],
] as const) {
  test(`${email} lands on ${path}`, async ({ page }) => {
    await new LoginPage(page).signIn(email, SEED_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    if (heading) await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    else await expect(page.getByLabel("Your message")).toBeVisible();
  });
}

test("a wrong password is refused with a friendly message", async ({ page }) => {
  await new LoginPage(page).signIn("teacher2@demo.test", "not-the-password");
  await expect(page.getByTestId("signin-error")).toContainText("don't match");
  await expect(page).toHaveURL(/\/login/);
});

test("a student who opens a teacher page is sent back to the tutor", async ({ page }) => {
  await new LoginPage(page).signIn("student002@demo.test", SEED_PASSWORD);
  await expect(page).toHaveURL(/\/tutor$/);
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/tutor$/);
});
