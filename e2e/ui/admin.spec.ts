// The admin console in the browser: a budget change reaching a student's meter at once (and the audit
// log), an all-or-nothing roster import, and the live operations view during a saturated key.
import { randomBytes } from "node:crypto";
import { configureSimulator, db, expect, simulatorConfig, test } from "../fixtures";
import { BudgetsPage, OpsPage, PeoplePage } from "../pages/admin-pages";
import { apiAs, browserAs } from "../pages/admin-session";

test("an admin lowers a class's budget: its student's meter shrinks at once and the audit log shows it", async ({ browser, world }) => {
  const studentCtx = await browser.newContext();
  await browserAs(studentCtx, world.students[0]!.email);
  const student = await studentCtx.newPage();
  await student.goto("/tutor");
  const meter = student.getByTestId("budget-meter");
  const before = Number(await meter.getAttribute("data-limit"));
  expect(before).toBeGreaterThan(1_200);

  const adminCtx = await browser.newContext();
  await browserAs(adminCtx, world.admin.email);
  const admin = await adminCtx.newPage();
  const budgets = new BudgetsPage(admin);
  await budgets.open();
  await budgets.setClassPolicy(world.classId, { "Tokens per window": "1200" });

  // No waiting: the very next request reads the new policy.
  await student.reload();
  await expect(meter).toHaveAttribute("data-limit", "1200");

  await admin.goto("/admin/audit");
  const row = admin.locator(`[data-testid="audit-row"][data-action="policy.update"][data-target="class:${world.classId}"]`);
  await expect(row).toHaveCount(1);
  await expect(row.locator('[data-testid="audit-change"][data-field="tokensPerWindow"]')).toHaveText("tokensPerWindow: — → 1200");
  await expect(row).toContainText(world.admin.email);
  await Promise.all([studentCtx.close(), adminCtx.close()]);
});

test("a roster with one bad row reports the line and imports nothing; fixed, it imports", async ({ page, world }) => {
  await browserAs(page.context(), world.admin.email);
  const people = new PeoplePage(page);
  await people.open();
  const tag = randomBytes(3).toString("hex");
  const cls = await db().class.findUniqueOrThrow({ where: { id: world.classId }, select: { name: true } });
  const good = [`ann-${tag}@e2e.test,Ann ${tag},student,6,${cls.name}`, `bo-${tag}@e2e.test,Bo ${tag},student,6,`];
  const section = await people.importRoster(["email,name,role,grade,class", good[0], `cy-${tag}@e2e.test,Cy ${tag},student,seventh,`, good[1]].join("\n"));

  await expect(section.getByTestId("roster-feedback")).toHaveAttribute("data-kind", "error");
  await expect(section.getByTestId("roster-feedback")).toContainText("nothing was imported");
  await expect(section.getByTestId("roster-errors").locator("li")).toHaveText([`Line 3: grade must be K or a number from 0 to 12, not "seventh"`]);
  expect(await db().user.count({ where: { email: { contains: tag } } })).toBe(0);

  await people.importRoster(["email,name,role,grade,class", ...good].join("\n"));
  await expect(section.getByTestId("roster-feedback")).toHaveAttribute("data-kind", "ok");
  await expect(section.getByTestId("roster-feedback")).toContainText("2 new account(s)");
  await expect(page.locator(`[data-testid="user-row"][data-email="ann-${tag}@e2e.test"]`)).toContainText(cls.name);
  expect(await db().user.count({ where: { email: { contains: tag } } })).toBe(2);
});

test("the ops view shows the change while the simulator is saturated", async ({ page, world, baseURL }) => {
  const saved = await simulatorConfig();

  await browserAs(page.context(), world.admin.email);
  const ops = new OpsPage(page);
  await ops.open();
  const turnsBefore = await ops.count("ops-turns");
  const rpmBefore = await ops.used("ops-rpm");

  const student = await apiAs(baseURL, world.students[1]!.email);
  await configureSimulator({ rpm: 1 });
  try {
    // The first answers use up the simulator's one request; its headers tell the governor the key is
    // spent, so the rest are paced (answered in practice mode) rather than sent into 429s.
    for (let i = 0; i < 3; i++) {
      const res = await student.post("/api/tutor", { data: { message: `Explain photosynthesis, part ${i}` } });
      expect(res.status()).toBe(200);
      await res.body();
    }
    // The view polls: without a reload it shows the spent key, the raised load level and the new turns.
    await expect.poll(() => ops.used("ops-rpm"), { timeout: 15_000 }).toBeGreaterThan(rpmBefore + 10);
    await expect(page.getByTestId("ops-level")).toHaveText(/BUSY|PEAK|OVERLOADED/);
    await expect.poll(() => ops.count("ops-turns"), { timeout: 15_000 }).toBeGreaterThanOrEqual(turnsBefore + 3);
  } finally {
    await configureSimulator({ rpm: saved.rpm });
    await student.dispose();
  }
});
