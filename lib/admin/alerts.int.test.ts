// Alerts fire once per crossing across instances (Redis SET NX), land as in-app notifications and as
// signed webhooks: real Redis with real PostgreSQL, and the embedded store with the embedded database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminTestWorld, usageRow, type AdminTestWorld } from "@/lib/db/admin-test-world";
import { testDatabaseKinds } from "@/lib/db/test-db";
import { testBackends, uniquePrefix, type TestBackend } from "@/lib/governor/test-backends";
import { recordOutcome } from "@/lib/load/signals";
import { checkSchoolAlerts, checkSystemAlerts, type AlertDeps } from "./alerts";
import { createMonthStandings } from "./monthly-cap";
import { verifyWebhook } from "./webhook";
import { startWebhookReceiver, type WebhookDelivery } from "./webhook-receiver";

const kinds = await testDatabaseKinds();
const backends = await testBackends();
const pairs = backends.map((backend) => ({ backend, kind: backend.name === "real Redis" && kinds.includes("real") ? ("real" as const) : ("embedded" as const), name: backend.name }));

describe.each(pairs)("alerts on $name", ({ backend, kind }: { backend: TestBackend; kind: "real" | "embedded" }) => {
  let w: AdminTestWorld;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const hooks: WebhookDelivery[] = [];
  let url = "";

  beforeAll(async () => {
    w = await createAdminTestWorld(kind);
    receiver = await startWebhookReceiver(hooks);
    url = receiver.url;
    await w.db.school.update({ where: { id: w.a.id }, data: { alertWebhookUrl: url, alertWebhookSecret: "secret-a" } });
  });
  afterAll(async () => {
    await w.close();
    await backend.close();
    await receiver.close();
  });

  const depsFor = (prefix: string, instance = backend.connect()): AlertDeps => ({
    db: () => w.db,
    redis: instance,
    prefix: `${prefix}:alert`,
    governor: { prefix: `${prefix}:gov`, limits: { rpm: 50, itpm: 30_000, otpm: 8_000 } },
    load: { prefix: `${prefix}:load` },
    // No cache, so every check sees the ledger as it is.
    standings: createMonthStandings({ db: () => w.db, ttlMs: 0 }),
  });
  const waitForHooks = async (n: number) => {
    for (let i = 0; i < 50 && hooks.length < n; i++) await new Promise((r) => setTimeout(r, 20));
    expect(hooks).toHaveLength(n);
  };

  it("raises the monthly-cap alert once per crossing, from any instance, with a signed webhook", async () => {
    const { a } = w;
    const prefix = uniquePrefix("alerts");
    const [one, two] = [depsFor(prefix), depsFor(prefix)];
    await w.db.budgetPolicy.create({ data: { schoolId: a.id, scope: "school", monthlyTokenCap: 1_000n } });
    await w.db.usageEvent.create({ data: usageRow({ schoolId: a.id, studentId: a.studentId, input: 700, output: 99 }) });
    expect(await checkSchoolAlerts(one, a.id)).toBe(0);

    await w.db.usageEvent.create({ data: usageRow({ schoolId: a.id, studentId: a.studentId, input: 1, output: 0 }) });
    const raised = await Promise.all([checkSchoolAlerts(one, a.id), checkSchoolAlerts(two, a.id), checkSchoolAlerts(one, a.id)]);
    expect(raised.reduce((s, n) => s + n, 0)).toBe(1);
    const notes = await w.db.adminNotification.findMany({ where: { schoolId: a.id } });
    expect(notes.map((n) => n.kind)).toEqual(["monthly_cap"]);
    expect(notes[0]!.title).toMatch(/used 80 % of its monthly AI cap/);

    await waitForHooks(1);
    const hook = hooks[0]!;
    expect(verifyWebhook({ secret: "secret-a", timestamp: hook.timestamp, body: hook.body, signature: hook.signature })).toBe(true);
    expect(JSON.parse(hook.body)).toMatchObject({ kind: "monthly_cap", schoolId: a.id, deliveredTo: a.id });

    // Crossing 100 % is a new crossing; school B (no cap, no webhook) never alerts.
    await w.db.usageEvent.create({ data: usageRow({ schoolId: a.id, studentId: a.studentId, input: 200, output: 0 }) });
    expect(await checkSchoolAlerts(two, a.id)).toBe(1);
    expect(await checkSchoolAlerts(one, a.id)).toBe(0);
    expect(await checkSchoolAlerts(one, w.b.id)).toBe(0);
    await waitForHooks(2);
  });

  it("raises provider errors once while they last, and again after they cleared", async () => {
    const prefix = uniquePrefix("alerts");
    const deps = depsFor(prefix);
    const base = Date.now();
    const fail = (at: number) => Promise.all(Array.from({ length: 6 }, () => recordOutcome({ redis: deps.redis, config: deps.load, kind: "overloaded", now: at })));
    const raised = async (now: number) => {
      const before = await w.db.adminNotification.count({ where: { kind: "provider_errors" } });
      await checkSystemAlerts({ ...deps, now: () => now });
      return (await w.db.adminNotification.count({ where: { kind: "provider_errors" } })) - before;
    };
    await fail(base);
    expect(await raised(base)).toBe(1);
    expect(await raised(base + 1_000)).toBe(0);
    // Five minutes later the window is clean: the crossing is over...
    expect(await raised(base + 300_000)).toBe(0);
    // ...so failing again is a new one.
    await fail(base + 301_000);
    expect(await raised(base + 301_000)).toBe(1);
    expect(await w.db.adminNotification.count({ where: { kind: "provider_errors", schoolId: { not: null } } })).toBe(0);
  });

  it("raises sustained PEAK load once per episode", async () => {
    const prefix = uniquePrefix("alerts");
    const deps = depsFor(prefix);
    const now = Date.now();
    // The shared level as the load state machine stores it: PEAK for three minutes, just computed.
    await deps.redis.hset(`${prefix}:load:level`, { level: "PEAK", since: now - 180_000, calmSince: "", why: "The queue is long.", at: now });
    expect(await checkSystemAlerts({ ...deps, now: () => now })).toBe(1);
    expect(await checkSystemAlerts({ ...deps, now: () => now + 100 })).toBe(0);
    const notes = await w.db.adminNotification.findMany({ where: { kind: "peak_load", title: { contains: "PEAK" } } });
    expect(notes.map((n) => n.title)).toEqual(["Sustained PEAK load for 3 minutes"]);
  });
});
