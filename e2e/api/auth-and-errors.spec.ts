// The error contract and authorization, through the HTTP API with real sessions.
import { request as pwRequest } from "@playwright/test";
import { messageFor } from "@/lib/errors";
import { apiSignIn, expect, test } from "../fixtures";

async function expectError(res: { status(): number; json(): Promise<unknown> }, status: number, code: string) {
  expect(res.status()).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

test.describe("without a session", () => {
  test("every API route answers 401 in the envelope", async ({ request }) => {
    const err = await expectError(await request.post("/api/tutor", { data: { message: "hi" } }), 401, "unauthorized:tutor");
    expect(err.message).toBe(messageFor("unauthorized:tutor"));
    await expectError(await request.get("/api/conversations"), 401, "unauthorized:conversations");
    await expectError(await request.get("/api/teacher/classes"), 401, "unauthorized:classes");
    await expectError(await request.get("/api/classes/anything"), 401, "unauthorized:class");
  });

  test("pages send visitors to sign in", async ({ page }) => {
    await page.goto("/tutor");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("roles and schools", () => {
  test("a student may not use teacher routes", async ({ world, baseURL }) => {
    const ctx = await pwRequest.newContext({ baseURL });
    await apiSignIn(ctx, world.students[0]!.email);
    await expectError(await ctx.get("/api/teacher/classes"), 403, "forbidden:classes");
    await expectError(await ctx.get(`/api/classes/${world.classId}`), 403, "forbidden:class");
    await ctx.dispose();
  });

  test("a teacher may not use the student tutor route", async ({ world, baseURL }) => {
    const ctx = await pwRequest.newContext({ baseURL });
    await apiSignIn(ctx, world.teacher.email);
    await expectError(await ctx.post("/api/tutor", { data: { message: "hello" } }), 403, "forbidden:tutor");
    await ctx.dispose();
  });

  test("a teacher sees their own class and gets 403 for another school's", async ({ world, world2, baseURL }) => {
    const ctx = await pwRequest.newContext({ baseURL });
    await apiSignIn(ctx, world.teacher.email);
    const own = await ctx.get(`/api/classes/${world.classId}`);
    expect(own.status()).toBe(200);
    expect(((await own.json()) as { class: { id: string } }).class.id).toBe(world.classId);
    await expectError(await ctx.get(`/api/classes/${world2.classId}`), 403, "forbidden:class");
    await ctx.dispose();

    const admin2 = await pwRequest.newContext({ baseURL });
    await apiSignIn(admin2, world2.admin.email);
    await expectError(await admin2.get(`/api/classes/${world.classId}`), 403, "forbidden:class");
    expect((await admin2.get(`/api/classes/${world2.classId}`)).status()).toBe(200);
    await admin2.dispose();
  });

  test("a student can't read another student's conversation", async ({ world, baseURL }) => {
    const a = await pwRequest.newContext({ baseURL });
    await apiSignIn(a, world.students[0]!.email);
    const res = await a.post("/api/tutor", { data: { message: "What is a prime number?" } });
    expect(res.status()).toBe(200);
    const convoId = /"conversationId":"([^"]+)"/.exec(await res.text())?.[1];
    expect(convoId).toBeTruthy();
    expect((await a.get(`/api/conversations/${convoId}`)).status()).toBe(200);
    await a.dispose();

    const b = await pwRequest.newContext({ baseURL });
    await apiSignIn(b, world.students[1]!.email);
    await expectError(await b.get(`/api/conversations/${convoId}`), 404, "not_found:conversation");
    // Continuing someone else's conversation is refused too, and nothing is written to it.
    await expectError(await b.post("/api/tutor", { data: { message: "hi", conversationId: convoId } }), 404, "not_found:conversation");
    await b.dispose();
  });
});

test.describe("bad input to POST /api/tutor", () => {
  test("gets a clear 4xx in the envelope, never a 500", async ({ world, baseURL }) => {
    const ctx = await pwRequest.newContext({ baseURL });
    await apiSignIn(ctx, world.students[0]!.email);
    await expectError(await ctx.post("/api/tutor", { data: {} }), 400, "bad_request:tutor");
    await expectError(await ctx.post("/api/tutor", { data: { message: "" } }), 400, "bad_request:tutor");
    await expectError(await ctx.post("/api/tutor", { data: { message: "   " } }), 400, "bad_request:tutor");
    await expectError(await ctx.post("/api/tutor", { data: { message: 42 } }), 400, "bad_request:tutor");
    await expectError(await ctx.post("/api/tutor", { data: { message: "hi", conversationId: 7 } }), 400, "bad_request:tutor");
    await expectError(await ctx.post("/api/tutor", { data: "not json{", headers: { "content-type": "application/json" } }), 400, "bad_request:tutor");
    await expectError(await ctx.post("/api/tutor", { data: { message: "x".repeat(20_000) } }), 413, "payload_too_large:tutor");
    await ctx.dispose();
  });
});

test("sign-in is rate limited per account", async ({ world, baseURL }) => {
  const ctx = await pwRequest.newContext({ baseURL });
  const csrf = async () => ((await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  for (let i = 0; i < 6; i++) {
    await ctx.post("/api/auth/callback/credentials", { form: { csrfToken: await csrf(), email: world.students[1]!.email, password: "wrong-password" }, maxRedirects: 0 });
  }
  // The right password is refused now too: the account is locked for the window.
  const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken: await csrf(), email: world.students[1]!.email, password: "e2e-password-123" }, maxRedirects: 0 });
  expect(res.headers()["location"] ?? "").toContain("rate_limited");
  await ctx.dispose();
});
