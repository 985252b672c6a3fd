// The admin API's authorization and error contract, through HTTP with real sessions: every route ×
// every role × another school, then bad input to each route (a clear 4xx, nothing half-written).
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { verifyWebhook } from "@/lib/admin/webhook";
import { startWebhookReceiver } from "@/lib/admin/webhook-receiver";
import { messageFor, type ErrorCode } from "@/lib/errors";
import { db, expect, test, type World } from "../fixtures";
import { apiAs, createSuperAdmin } from "../pages/admin-session";

async function expectError(res: APIResponse, status: number, code: string) {
  expect(res.status(), `${res.url()} → ${await res.text()}`).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

const tag = () => randomBytes(3).toString("hex");

interface Case {
  name: string;
  surface: string;
  /** Status of a permitted call. */
  ok: number;
  /** Super-admins only: admins get 403 too. */
  superOnly?: boolean;
  call: (ctx: APIRequestContext, w: World) => Promise<APIResponse>;
}

const CASES: Case[] = [
  { name: "GET policies", surface: "policy", ok: 200, call: (c, w) => c.get(`/api/admin/policies?schoolId=${w.schoolId}`) },
  { name: "PUT policy", surface: "policy", ok: 200, call: (c, w) => c.put("/api/admin/policies", { data: { schoolId: w.schoolId, scope: `class:${w.classId}`, tokensPerWindow: 4_000 } }) },
  // No override exists, so a permitted call gets as far as 404.
  { name: "DELETE policy", surface: "policy", ok: 404, call: (c, w) => c.delete(`/api/admin/policies?schoolId=${w.schoolId}&scope=grade:high`) },
  { name: "GET settings", surface: "settings", ok: 200, call: (c, w) => c.get(`/api/admin/settings?schoolId=${w.schoolId}`) },
  { name: "PATCH settings", surface: "settings", ok: 200, call: (c, w) => c.patch("/api/admin/settings", { data: { schoolId: w.schoolId, transcriptRetentionDays: 30 } }) },
  { name: "GET classes", surface: "classes", ok: 200, call: (c, w) => c.get(`/api/admin/classes?schoolId=${w.schoolId}`) },
  { name: "POST class", surface: "classes", ok: 201, call: (c, w) => c.post("/api/admin/classes", { data: { schoolId: w.schoolId, name: `Class ${tag()}` } }) },
  { name: "PATCH class", surface: "classes", ok: 200, call: (c, w) => c.patch(`/api/admin/classes/${w.classId}`, { data: { subject: "Algebra" } }) },
  { name: "GET users", surface: "users", ok: 200, call: (c, w) => c.get(`/api/admin/users?schoolId=${w.schoolId}`) },
  { name: "PATCH user", surface: "users", ok: 200, call: (c, w) => c.patch(`/api/admin/users/${w.students[1]!.id}`, { data: { gradeLevel: 8 } }) },
  { name: "POST password", surface: "users", ok: 200, call: (c, w) => c.post(`/api/admin/users/${w.students[1]!.id}/password`, { data: {} }) },
  { name: "POST roster", surface: "roster", ok: 200, call: (c, w) => c.post("/api/admin/roster", { data: { schoolId: w.schoolId, csv: `email,name,grade\nr-${tag()}@e2e.test,Rostered,4` } }) },
  { name: "GET export", surface: "privacy", ok: 200, call: (c, w) => c.get(`/api/admin/students/${w.students[1]!.id}/export`) },
  { name: "DELETE data", surface: "privacy", ok: 200, call: (c, w) => c.delete(`/api/admin/students/${w.students[1]!.id}/data`) },
  { name: "GET costs", surface: "reports", ok: 200, call: (c, w) => c.get(`/api/admin/reports/costs?schoolId=${w.schoolId}`) },
  { name: "GET notifications", surface: "notifications", ok: 200, call: (c, w) => c.get(`/api/admin/notifications?schoolId=${w.schoolId}`) },
  { name: "GET audit", surface: "audit", ok: 200, call: (c, w) => c.get(`/api/admin/audit?schoolId=${w.schoolId}`) },
  { name: "GET ops status", surface: "ops", ok: 200, call: (c, w) => c.get(`/api/ops/status?schoolId=${w.schoolId}`) },
  { name: "GET schools", surface: "schools", ok: 200, superOnly: true, call: (c) => c.get("/api/admin/schools") },
  { name: "PATCH school", surface: "schools", ok: 200, superOnly: true, call: (c, w) => c.patch(`/api/admin/schools/${w.schoolId}`, { data: { keyShare: 0.5 } }) },
  { name: "PUT price", surface: "prices", ok: 200, superOnly: true, call: (c) => c.put("/api/admin/prices", { data: { model: "e2e-model", inputPerMTok: 1, outputPerMTok: 2 } }) },
  { name: "DELETE price", surface: "prices", ok: 204, superOnly: true, call: (c) => c.delete("/api/admin/prices?model=e2e-model") },
];

test.describe("authorization of every admin route", () => {
  test("no session → 401, students and teachers → 403", async ({ world, baseURL }) => {
    const [anon, student, teacher] = await Promise.all([apiAs(baseURL, null), apiAs(baseURL, world.students[0]!.email), apiAs(baseURL, world.teacher.email)]);
    for (const c of [...CASES, { name: "GET prices", surface: "prices", ok: 200, call: (x: APIRequestContext) => x.get("/api/admin/prices") }]) {
      const err = await expectError(await c.call(anon, world), 401, `unauthorized:${c.surface}`);
      expect(err.message).toBe(messageFor(`unauthorized:${c.surface}` as ErrorCode));
      await expectError(await c.call(student, world), 403, `forbidden:${c.surface}`);
      await expectError(await c.call(teacher, world), 403, `forbidden:${c.surface}`);
    }
    await Promise.all([anon.dispose(), student.dispose(), teacher.dispose()]);
  });

  test("an admin acts on their own school only; a super-admin on any", async ({ world, world2, baseURL }) => {
    const district = await createSuperAdmin();
    const [admin, sup] = await Promise.all([apiAs(baseURL, world.admin.email), apiAs(baseURL, district.email)]);
    try {
      for (const c of CASES) {
        if (c.superOnly) {
          await expectError(await c.call(admin, world), 403, `forbidden:${c.surface}`);
          expect((await c.call(sup, world2)).status(), c.name).toBe(c.ok);
          continue;
        }
        const own = await c.call(admin, world);
        expect(own.status(), `${c.name} on own school: ${await own.text()}`).toBe(c.ok);
        await expectError(await c.call(admin, world2), 403, `forbidden:${c.surface}`);
        expect((await c.call(sup, world2)).status(), `${c.name} as super-admin`).toBe(c.ok);
      }
      // The refused calls wrote nothing to the other school.
      expect(await db().budgetPolicy.count({ where: { schoolId: world2.schoolId, scope: `class:${world2.classId}`, tokensPerWindow: 4_000 } })).toBe(1); // the super-admin's
      expect(await db().auditLog.count({ where: { schoolId: world2.schoolId, actorId: world.admin.id } })).toBe(0);
      expect((await admin.get("/api/admin/prices")).status()).toBe(200);
    } finally {
      await Promise.all([admin.dispose(), sup.dispose()]);
      await district.remove();
    }
  });
});

test.describe("bad input to the admin API", () => {
  test("budget policies: clear 400/403/404 and nothing written", async ({ world, world2, baseURL }) => {
    const admin = await apiAs(baseURL, world.admin.email);
    const put = (data: unknown) => admin.put("/api/admin/policies", { data: data as object });
    const scope = `class:${world.classId}`;
    expect((await expectError(await put({ scope, tokensPerWindow: -5 }), 400, "bad_request:policy")).message).toBe("tokensPerWindow: Tokens per window can't be negative.");
    expect((await expectError(await put({ scope, tokensPerWindow: 1.5 }), 400, "bad_request:policy")).message).toMatch(/whole number/);
    expect((await expectError(await put({ scope, windowSeconds: 5 }), 400, "bad_request:policy")).message).toMatch(/at least 60/);
    expect((await expectError(await put({ scope, tokensPerWindow: 5_000_000_000 }), 400, "bad_request:policy")).message).toMatch(/more than 1,000,000/);
    expect((await expectError(await put({ scope, nearBudgetRatio: 1.5 }), 400, "bad_request:policy")).message).toMatch(/at most 1/);
    await expectError(await put({ scope, tokensPerWindow: "lots" }), 400, "bad_request:policy");
    await expectError(await put({ scope, bogus: 1 }), 400, "bad_request:policy");
    await expectError(await put({ scope: "galaxy:1", tokensPerWindow: 1 }), 400, "bad_request:policy");
    await expectError(await put({ scope: "class:does-not-exist", tokensPerWindow: 1 }), 404, "not_found:policy");
    await expectError(await put({ scope: `class:${world2.classId}`, tokensPerWindow: 1 }), 403, "forbidden:policy");
    await expectError(await admin.put("/api/admin/policies", { data: "{not json", headers: { "content-type": "application/json" } }), 400, "bad_request:policy");
    // Overrides can't exceed the school's monthly cap.
    expect((await put({ scope: "school", monthlyTokenCap: 10_000 })).status()).toBe(200);
    expect((await expectError(await put({ scope, tokensPerWindow: 20_000 }), 400, "bad_request:policy")).message).toMatch(/can't exceed the school's monthly token cap/);
    await expectError(await admin.delete("/api/admin/policies?scope=school"), 400, "bad_request:policy");
    await expectError(await admin.delete("/api/admin/policies"), 400, "bad_request:policy");
    expect(await db().budgetPolicy.count({ where: { schoolId: world.schoolId, scope } })).toBe(0);
    await admin.dispose();
  });

  test("roster: per-line errors for malformed CSV, all or nothing", async ({ world, baseURL }) => {
    const admin = await apiAs(baseURL, world.admin.email);
    const users = await db().user.count({ where: { schoolId: world.schoolId } });
    const post = (csv: unknown) => admin.post("/api/admin/roster", { data: { csv } });
    const res = await post(`email,name,grade\nok-${tag()}@e2e.test,Fine,5\nnot-an-email,Bad,5\nx-${tag()}@e2e.test,Grade,14\n"broken,quote`);
    const err = (await res.json()) as { error: { code: string; message: string; lines: { line: number; message: string }[] } };
    expect(res.status()).toBe(400);
    expect(err.error.code).toBe("bad_request:roster");
    expect(err.error.message).toMatch(/3 lines have problems, so nothing was imported/);
    expect(err.error.lines.map((l) => l.line)).toEqual([3, 4, 5]);
    await expectError(await post("name\nNo Email"), 400, "bad_request:roster");
    await expectError(await post(""), 400, "bad_request:roster");
    await expectError(await post(42), 400, "bad_request:roster");
    await expectError(await post(`email,name\n${"a".repeat(300_000)}@e2e.test,Huge`), 413, "payload_too_large:roster");
    expect(await db().user.count({ where: { schoolId: world.schoolId } })).toBe(users);
    await admin.dispose();
  });

  test("people, classes, settings, privacy, reports, audit: clear 4xx", async ({ world, baseURL }) => {
    const admin = await apiAs(baseURL, world.admin.email);
    await expectError(await admin.patch("/api/admin/users/no-such-user", { data: { active: false } }), 404, "not_found:users");
    await expectError(await admin.patch(`/api/admin/users/${world.students[0]!.id}`, { data: {} }), 400, "bad_request:users");
    await expectError(await admin.patch(`/api/admin/users/${world.students[0]!.id}`, { data: { gradeLevel: 13 } }), 400, "bad_request:users");
    await expectError(await admin.patch(`/api/admin/users/${world.admin.id}`, { data: { active: false } }), 400, "bad_request:users");
    await expectError(await admin.post(`/api/admin/users/${world.teacher.id}/password`, { data: { password: "short" } }), 400, "bad_request:users");
    await expectError(await admin.get("/api/admin/users?role=WIZARD"), 400, "bad_request:users");
    await expectError(await admin.post("/api/admin/classes", { data: { name: "" } }), 400, "bad_request:classes");
    await expectError(await admin.post("/api/admin/classes", { data: { name: "Dup", teacherIds: [world.students[0]!.id] } }), 400, "bad_request:classes");
    await expectError(await admin.patch("/api/admin/classes/nope", { data: { name: "X" } }), 404, "not_found:classes");
    await expectError(await admin.patch("/api/admin/settings", { data: { alertWebhookUrl: "ftp://example.org" } }), 400, "bad_request:settings");
    await expectError(await admin.patch("/api/admin/settings", { data: { transcriptRetentionDays: -1 } }), 400, "bad_request:settings");
    await expectError(await admin.get(`/api/admin/students/${world.teacher.id}/export`), 404, "not_found:privacy");
    await expectError(await admin.delete(`/api/admin/students/${world.students[0]!.id}/data?eraseAccount=maybe`), 400, "bad_request:privacy");
    await expectError(await admin.get("/api/admin/reports/costs?from=2026-13"), 400, "bad_request:reports");
    await expectError(await admin.get("/api/admin/reports/costs?from=2026-09&to=2026-01"), 400, "bad_request:reports");
    await expectError(await admin.get("/api/admin/reports/costs?format=xml"), 400, "bad_request:reports");
    await expectError(await admin.get("/api/admin/audit?before=yesterday"), 400, "bad_request:audit");
    await expectError(await admin.get("/api/admin/policies?schoolId=another-school"), 403, "forbidden:policy");
    expect(await db().class.count({ where: { schoolId: world.schoolId } })).toBe(1);
    await admin.dispose();
  });

  test("district routes: clear 4xx for a super-admin too", async ({ world, baseURL }) => {
    const district = await createSuperAdmin();
    const sup = await apiAs(baseURL, district.email);
    try {
      await expectError(await sup.get("/api/admin/policies"), 400, "bad_request:policy");
      await expectError(await sup.get("/api/admin/policies?schoolId=missing"), 404, "not_found:policy");
      await expectError(await sup.patch(`/api/admin/schools/${world.schoolId}`, { data: { keyShare: 2 } }), 400, "bad_request:schools");
      await expectError(await sup.patch(`/api/admin/schools/${world.schoolId}`, { data: { keyShare: 0 } }), 400, "bad_request:schools");
      await expectError(await sup.patch("/api/admin/schools/missing", { data: { keyShare: 0.5 } }), 404, "not_found:schools");
      await expectError(await sup.post("/api/admin/schools", { data: { slug: "Not A Slug", name: "X" } }), 400, "bad_request:schools");
      await expectError(await sup.put("/api/admin/prices", { data: { model: "claude-sonnet-5", inputPerMTok: -1, outputPerMTok: 1 } }), 400, "bad_request:prices");
      await expectError(await sup.delete("/api/admin/prices?model=never-priced"), 404, "not_found:prices");
      expect((await db().school.findUniqueOrThrow({ where: { id: world.schoolId } })).keyShare).toBeNull();
    } finally {
      await sup.dispose();
      await district.remove();
    }
  });
});

test("a monthly cap applies within seconds, raises one alert and a signed webhook, and lifting it restores answers", async ({ world, baseURL }) => {
  const receiver = await startWebhookReceiver();
  const { hooks } = receiver;
  const [admin, student] = await Promise.all([apiAs(baseURL, world.admin.email), apiAs(baseURL, world.students[0]!.email)]);
  try {
    const settings = await admin.patch("/api/admin/settings", { data: { alertWebhookUrl: receiver.url } });
    const { alertWebhookSecret: secret } = ((await settings.json()) as { settings: { alertWebhookSecret: string } }).settings;
    expect(secret).toMatch(/^[0-9a-f]{48}$/);
    const meterLimit = async () => Number(/data-limit="(\d+)"/.exec(await (await student.get("/tutor")).text())?.[1]);
    expect(await meterLimit()).toBeGreaterThan(0);

    expect((await admin.put("/api/admin/policies", { data: { scope: "school", monthlyTokenCap: 0 } })).status()).toBe(200);
    await expect.poll(meterLimit, { timeout: 10_000 }).toBe(0);
    const turn = await (await student.post("/api/tutor", { data: { message: "What is 2 + 2?" } })).text();
    expect(turn).toContain('"mode":"fallback"');
    expect(turn).toContain('"reason":"budget_exhausted"');

    // Checks are throttled and off the request path: the alert arrives within the throttle window.
    const reached = async () => {
      await student.get("/tutor");
      const { notifications } = (await (await admin.get("/api/admin/notifications")).json()) as { notifications: { title: string; kind: string }[] };
      return notifications.filter((n) => n.kind === "monthly_cap" && /reached its monthly AI cap/.test(n.title)).length;
    };
    await expect.poll(reached, { timeout: 30_000, intervals: [1_000] }).toBe(1);
    await expect.poll(() => hooks.filter((h) => h.body.includes("reached its monthly AI cap")).length, { timeout: 10_000 }).toBe(1);
    const hook = hooks.find((h) => h.body.includes("reached"))!;
    expect(verifyWebhook({ secret, timestamp: hook.timestamp, body: hook.body, signature: hook.signature })).toBe(true);
    expect(await reached()).toBe(1);

    expect((await admin.put("/api/admin/policies", { data: { scope: "school", monthlyTokenCap: null } })).status()).toBe(200);
    await expect.poll(meterLimit, { timeout: 10_000 }).toBeGreaterThan(0);
  } finally {
    await Promise.all([admin.dispose(), student.dispose()]);
    await receiver.close();
  }
});
