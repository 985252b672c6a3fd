// The teacher dashboard APIs with real sessions: two teachers in two schools, students and admins,
// the error contract for bad input, and nothing half-written when a top-up is refused.
import { request as pwRequest, type APIRequestContext } from "@playwright/test";
import { messageFor } from "@/lib/errors";
import { apiSignIn, db, expect, test, type World } from "../fixtures";

async function expectError(res: { status(): number; json(): Promise<unknown> }, status: number, code: string) {
  expect(res.status()).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

async function signedIn(baseURL: string | undefined, email: string): Promise<APIRequestContext> {
  const ctx = await pwRequest.newContext({ baseURL });
  await apiSignIn(ctx, email);
  return ctx;
}

const routes = (w: World, studentId = w.students[0]!.id) => {
  const c = `/api/teacher/classes/${w.classId}`;
  return {
    dashboard: c,
    topics: `${c}/topics`,
    export: `${c}/export`,
    student: `${c}/students/${studentId}`,
    transcript: `${c}/students/${studentId}/conversations/some-conversation`,
    topUp: `${c}/students/${studentId}/top-up`,
  };
};

test("without a session every dashboard route answers 401", async ({ world, request }) => {
  const r = routes(world);
  await expectError(await request.get(r.dashboard), 401, "unauthorized:dashboard");
  await expectError(await request.get(r.topics), 401, "unauthorized:topics");
  await expectError(await request.get(r.export), 401, "unauthorized:export");
  await expectError(await request.get(r.student), 401, "unauthorized:student");
  await expectError(await request.get(r.transcript), 401, "unauthorized:transcript");
  await expectError(await request.post(r.topUp, { data: { tokens: 100 } }), 401, "unauthorized:top_up");
});

test("students get 403 everywhere, even for their own class", async ({ world, baseURL }) => {
  const ctx = await signedIn(baseURL, world.students[0]!.email);
  const r = routes(world);
  const err = await expectError(await ctx.get(r.dashboard), 403, "forbidden:dashboard");
  expect(err.message).toBe(messageFor("forbidden:dashboard"));
  await expectError(await ctx.get(r.topics), 403, "forbidden:topics");
  await expectError(await ctx.get(r.export), 403, "forbidden:export");
  await expectError(await ctx.get(r.student), 403, "forbidden:student");
  await expectError(await ctx.get(r.transcript), 403, "forbidden:transcript");
  await expectError(await ctx.post(r.topUp, { data: { tokens: 100 } }), 403, "forbidden:top_up");
  await expectError(await ctx.get("/api/teacher/classes"), 403, "forbidden:classes");
  await ctx.dispose();
});

test("a teacher sees only their own classes and students; other schools' teachers and admins get 403", async ({ world, world2, baseURL }) => {
  const t1 = await signedIn(baseURL, world.teacher.email);
  const list = (await (await t1.get("/api/teacher/classes")).json()) as { classes: { id: string; today: { messages: number }; activeNow: number }[] };
  expect(list.classes.map((c) => c.id)).toEqual([world.classId]);
  const own = await t1.get(`${routes(world).dashboard}?range=30d`);
  expect(own.status()).toBe(200);
  const d = (await own.json()) as { class: { id: string }; range: { preset: string }; usage: { series: unknown[]; heatmap: number[][] }; students: { id: string }[] };
  expect(d).toMatchObject({ class: { id: world.classId }, range: { preset: "30d" } });
  expect(d.usage.series).toHaveLength(30);
  expect(d.usage.heatmap).toHaveLength(7);
  expect(d.students.map((s) => s.id).sort()).toEqual(world.students.map((s) => s.id).sort());

  // Another school's class, and its students through it or through the teacher's own class.
  const r2 = routes(world2);
  await expectError(await t1.get(r2.dashboard), 403, "forbidden:dashboard");
  await expectError(await t1.get(r2.topics), 403, "forbidden:topics");
  await expectError(await t1.get(r2.export), 403, "forbidden:export");
  await expectError(await t1.get(r2.student), 403, "forbidden:student");
  await expectError(await t1.post(r2.topUp, { data: { tokens: 100 } }), 403, "forbidden:top_up");
  await expectError(await t1.get(routes(world, world2.students[0]!.id).student), 403, "forbidden:student");
  await expectError(await t1.post(routes(world, world2.students[0]!.id).topUp, { data: { tokens: 100 } }), 403, "forbidden:top_up");
  await t1.dispose();

  const admin2 = await signedIn(baseURL, world2.admin.email);
  await expectError(await admin2.get(routes(world).dashboard), 403, "forbidden:dashboard");
  await expectError(await admin2.get(routes(world).student), 403, "forbidden:student");
  expect((await admin2.get(r2.dashboard)).status()).toBe(200);
  await admin2.dispose();
});

test("a student's turn shows in the dashboard, the transcript and both CSV exports", async ({ world, world2, baseURL }) => {
  const student = await signedIn(baseURL, world.students[1]!.email);
  const turn = await student.post("/api/tutor", { data: { message: "What is the capital of France?" } });
  expect(turn.status()).toBe(200);
  const conversationId = /"conversationId":"([^"]+)"/.exec(await turn.text())?.[1];
  await student.dispose();

  const t1 = await signedIn(baseURL, world.teacher.email);
  const r = routes(world, world.students[1]!.id);
  await expect(async () => {
    const d = (await (await t1.get(`${r.dashboard}?range=today`)).json()) as { usage: { totals: { messages: number } }; students: { id: string; messages: number; lastActiveAt: string | null }[] };
    expect(d.usage.totals.messages).toBe(1);
    expect(d.students.find((s) => s.id === world.students[1]!.id)).toMatchObject({ messages: 1 });
  }).toPass({ timeout: 15_000 });

  const detail = (await (await t1.get(r.student)).json()) as { conversations: { id: string }[]; budget: { remaining: number; limit: number } | null };
  expect(detail.conversations.map((c) => c.id)).toEqual([conversationId]);
  expect(detail.budget!.remaining).toBeLessThan(detail.budget!.limit);
  const transcript = await t1.get(`/api/teacher/classes/${world.classId}/students/${world.students[1]!.id}/conversations/${conversationId}`);
  expect(transcript.status()).toBe(200);
  const t = (await transcript.json()) as { conversation: { messages: { role: string; content: string; mode: string | null }[] } };
  expect(t.conversation.messages.map((m) => m.role)).toEqual(["USER", "ASSISTANT"]);
  expect(t.conversation.messages[0]!.content).toBe("What is the capital of France?");
  // The same conversation through the other student is not theirs.
  await expectError(await t1.get(`/api/teacher/classes/${world.classId}/students/${world.students[0]!.id}/conversations/${conversationId}`), 404, "not_found:transcript");

  const daily = await t1.get(`${r.export}?kind=daily&range=7d`);
  expect(daily.headers()["content-type"]).toContain("text/csv");
  expect(daily.headers()["content-disposition"]).toMatch(/attachment; filename=".+-daily\.csv"/);
  const dailyLines = (await daily.text()).trim().split("\r\n");
  expect(dailyLines).toHaveLength(1 + 7 * 2);
  const turns = (await (await t1.get(`${r.export}?kind=turns&range=today`)).text()).trim().split("\r\n");
  expect(turns).toHaveLength(2);
  expect(turns[1]).toContain(world.students[1]!.email);

  const topics = (await (await t1.get(`${r.topics}?range=today`)).json()) as { topics: { term: string }[]; sampled: number };
  expect(topics.sampled).toBe(1);
  expect(topics.topics.map((x) => x.term)).toEqual(expect.arrayContaining(["capital", "france"]));
  await expectError(await t1.get(`${routes(world2).topics}?range=today`), 403, "forbidden:topics");
  await t1.dispose();
});

test("bad input gets a clear 4xx in the envelope", async ({ world, baseURL }) => {
  const t1 = await signedIn(baseURL, world.teacher.email);
  const r = routes(world);
  await expectError(await t1.get("/api/teacher/classes/not%20an%20id!"), 400, "bad_request:dashboard");
  await expectError(await t1.get(`/api/teacher/classes/${"x".repeat(65)}`), 400, "bad_request:dashboard");
  await expectError(await t1.get("/api/teacher/classes/no-such-class"), 404, "not_found:dashboard");
  await expectError(await t1.get(`${r.dashboard}?range=year`), 400, "bad_request:dashboard");
  await expectError(await t1.get(`${r.dashboard}?range=custom&from=2026-01-01`), 400, "bad_request:dashboard");
  await expectError(await t1.get(`${r.dashboard}?range=custom&from=2026-02-30&to=2026-03-01`), 400, "bad_request:dashboard");
  await expectError(await t1.get(`${r.dashboard}?range=custom&from=2026-03-05&to=2026-03-01`), 400, "bad_request:dashboard");
  await expectError(await t1.get(`${r.dashboard}?range=custom&from=2000-01-01&to=2026-01-01`), 400, "bad_request:dashboard");
  await expectError(await t1.get(`${r.topics}?range=custom&from=yesterday&to=today`), 400, "bad_request:topics");
  await expectError(await t1.get(`${r.export}?kind=pdf`), 400, "bad_request:export");
  await expectError(await t1.get(`${r.export}?range=forever`), 400, "bad_request:export");
  await expectError(await t1.get(`/api/teacher/classes/${world.classId}/students/bad%20id`), 400, "bad_request:student");
  await expectError(await t1.get(`/api/teacher/classes/${world.classId}/students/${world.students[0]!.id}/conversations/bad%20id`), 400, "bad_request:transcript");
  await t1.dispose();
});

test("a refused top-up writes nothing; a granted one is audited and bounded per window", async ({ world, baseURL }) => {
  const t1 = await signedIn(baseURL, world.teacher.email);
  const studentId = world.students[0]!.id;
  const { topUp, student } = routes(world, studentId);
  const budget = async () => ((await (await t1.get(student)).json()) as { budget: { remaining: number; limit: number } }).budget;
  const audits = () => db().auditLog.count({ where: { targetId: studentId, action: "budget.top_up" } });
  const start = await budget();

  for (const data of [{ tokens: -100 }, { tokens: 0 }, { tokens: 1.5 }, { tokens: "100" }, { tokens: 10_000_001 }, {}, { tokens: 100, extra: true }, { tokens: 100, note: "n".repeat(201) }]) {
    await expectError(await t1.post(topUp, { data }), 400, "bad_request:top_up");
  }
  await expectError(await t1.post(topUp, { data: "not json{", headers: { "content-type": "application/json" } }), 400, "bad_request:top_up");
  // Within the zod limits but over the policy: one window's budget (5,000 by default) per top-up.
  const over = await expectError(await t1.post(topUp, { data: { tokens: start.limit + 1 } }), 400, "bad_request:top_up");
  expect(over.message).toContain(String(start.limit));
  expect(await audits()).toBe(0);
  expect(await budget()).toEqual(start);

  const granted = await t1.post(topUp, { data: { tokens: 1_000, note: "Exam revision" } });
  expect(granted.status()).toBe(200);
  const body = (await granted.json()) as { topUp: { granted: number; before: { remaining: number }; after: { remaining: number; limit: number } } };
  expect(body.topUp).toMatchObject({ granted: 1_000, before: { remaining: start.remaining }, after: { remaining: start.remaining + 1_000, limit: start.limit + 1_000 } });
  const log = await db().auditLog.findFirstOrThrow({ where: { targetId: studentId, action: "budget.top_up" } });
  expect(log).toMatchObject({ actorId: world.teacher.id, schoolId: world.schoolId, targetType: "student", before: { remaining: start.remaining }, after: { remaining: start.remaining + 1_000, granted: 1_000, note: "Exam revision" } });

  // At most one window's budget in top-ups per window, all together.
  const rest = start.limit - 1_000;
  const tooMuch = await expectError(await t1.post(topUp, { data: { tokens: rest + 1 } }), 400, "bad_request:top_up");
  expect(tooMuch.message).toContain(String(rest));
  expect((await t1.post(topUp, { data: { tokens: rest } })).status()).toBe(200);
  expect(await audits()).toBe(2);
  expect((await budget()).limit).toBe(start.limit * 2);
  await t1.dispose();
});
