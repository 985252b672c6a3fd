// A teacher follows a class live, reads a transcript, tops up a student's budget and exports the
// usage; a teacher from another school is refused.
import { readFile } from "node:fs/promises";
import { LoginPage } from "../pages/login-page";
import { TeacherDashboardPage } from "../pages/teacher-dashboard-page";
import { TutorPage } from "../pages/tutor-page";
import { PASSWORD, apiSignIn, expect, test } from "../fixtures";

test("a teacher watches a class live, reads a transcript, tops up a budget and exports CSV", async ({ world, world2, browser, baseURL }) => {
  const student = world.students[0]!;
  const teacherCtx = await browser.newContext({ acceptDownloads: true });
  const teacher = await teacherCtx.newPage();
  await new LoginPage(teacher).signIn(world.teacher.email, PASSWORD);
  const dash = new TeacherDashboardPage(teacher);
  await expect(dash.classRow(world.classId)).toBeVisible();
  await dash.openClass(world.classId);
  await expect(dash.totalMessages()).toHaveText("0");
  await expect(dash.chart()).toHaveAttribute("data-total", "0");

  // The student asks a question; the open class page picks it up without a reload.
  const studentCtx = await browser.newContext();
  const tutorPage = await studentCtx.newPage();
  await new LoginPage(tutorPage).signIn(student.email, PASSWORD);
  const tutor = new TutorPage(tutorPage);
  await tutor.ask("How do I find the area of a circle with radius 3?");
  await tutor.waitForAnswer();
  await expect(dash.totalMessages()).toHaveText("1", { timeout: 20_000 });
  await expect(dash.chart()).toHaveAttribute("data-total", "1");
  await expect(dash.studentRow(student.id).getByTestId("student-messages")).toHaveText("1");

  // The transcript, read-only, with the answer's mode badge.
  await dash.openStudent(student.id);
  const transcript = teacher.getByTestId("transcript");
  await expect(transcript.locator('[data-role="USER"]')).toContainText("area of a circle with radius 3");
  await expect(transcript.locator('[data-role="ASSISTANT"]').getByTestId("mode-badge")).toBeVisible();

  // A top-up raises the student's own meter.
  await tutorPage.reload();
  const meter = tutorPage.getByTestId("budget-meter");
  const before = Number(await meter.getAttribute("data-remaining"));
  await dash.grantTopUp(1_000);
  await tutorPage.reload();
  await expect(meter).toHaveAttribute("data-remaining", String(before + 1_000));

  // CSV export of the class's use, one row per student per day.
  await teacher.goto(`/teacher/classes/${world.classId}?range=today`);
  const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByTestId("export-daily").click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^date,student,email,messages,/);
  expect(lines).toHaveLength(1 + world.students.length);
  expect(lines.find((l) => l.includes(student.email))).toMatch(/,1,/);

  // A teacher from another school: 403 from the API, a notice on the page.
  const other = await browser.newContext({ baseURL });
  await apiSignIn(other.request, world2.teacher.email);
  const res = await other.request.get(`/api/teacher/classes/${world.classId}`);
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden:dashboard");
  const otherPage = await other.newPage();
  await otherPage.goto(`/teacher/classes/${world.classId}`);
  await expect(otherPage.getByTestId("access-denied")).toBeVisible();
  await expect(otherPage.getByTestId("usage-chart")).toHaveCount(0);

  await Promise.all([teacherCtx.close(), studentCtx.close(), other.close()]);
});

test("the student table sorts from its headers and filters what needs attention", async ({ world, page }) => {
  await new LoginPage(page).signIn(world.teacher.email, PASSWORD);
  await new TeacherDashboardPage(page).openClass(world.classId);
  const header = page.getByRole("columnheader", { name: /Student/ });
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  const names = await page.getByTestId("student-row").locator("th").allInnerTexts();
  expect(names).toEqual([...names].sort().reverse());
  await page.getByLabel("Show students").selectOption("flagged");
  await expect(page.getByText("No students match.")).toBeVisible();
  await page.getByLabel("Find a student").fill("student-b");
  await page.getByLabel("Show students").selectOption("all");
  await expect(page.getByTestId("student-row")).toHaveCount(1);
});
