import { describe, expect, it } from "vitest";
import { AppError, messageFor, toResponse } from "./errors";

describe("error envelope", () => {
  it("derives the HTTP status from the code's type", () => {
    expect(new AppError("unauthorized:tutor").status).toBe(401);
    expect(new AppError("forbidden:class").status).toBe(403);
    expect(new AppError("payload_too_large:tutor").status).toBe(413);
    expect(new AppError("rate_limit:tutor").status).toBe(429);
  });

  it("answers with { error: { code, message } } and the error's headers", async () => {
    const res = toResponse(new AppError("rate_limit:tutor", "Wait a moment.", { headers: { "retry-after": "12" } }));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("12");
    expect(await res.json()).toEqual({ error: { code: "rate_limit:tutor", message: "Wait a moment." } });
  });

  it("uses the type's default message when none is given", async () => {
    const res = toResponse(new AppError("forbidden:class"));
    expect((await res.json()).error.message).toBe(messageFor("forbidden:class"));
  });

  it("never leaks an unexpected error's detail", async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const res = toResponse(new Error("password=hunter2 at db.internal"));
      expect(res.status).toBe(500);
      const body = await res.json();
      expect(body.error.code).toBe("internal:api");
      expect(JSON.stringify(body)).not.toContain("hunter2");
    } finally {
      console.error = original;
    }
  });
});
