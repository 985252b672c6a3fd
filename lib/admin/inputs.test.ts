import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { keyShareSchema, monthRangeOrThrow, settingsSchema, updateUserSchema } from "./inputs";

const now = new Date("2026-12-15T12:00:00Z");
const iso = (r: { from: Date; to: Date }) => [r.from.toISOString().slice(0, 10), r.to.toISOString().slice(0, 10)];

describe("monthRangeOrThrow", () => {
  it("defaults to the last three months including this one, end exclusive", () => {
    expect(iso(monthRangeOrThrow(null, null, now))).toEqual(["2026-10-01", "2027-01-01"]);
    expect(iso(monthRangeOrThrow("2026-01", "2026-01", now))).toEqual(["2026-01-01", "2026-02-01"]);
    expect(iso(monthRangeOrThrow(null, "2026-02", now))).toEqual(["2025-12-01", "2026-03-01"]);
  });

  it("refuses malformed, reversed and over-long ranges", () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return (e as AppError).message;
      }
    };
    expect(code(() => monthRangeOrThrow("2026-13", null, now))).toBe("from must be a month like 2026-09.");
    expect(code(() => monthRangeOrThrow(null, "26-01", now))).toBe("to must be a month like 2026-09.");
    expect(code(() => monthRangeOrThrow("2026-05", "2026-04", now))).toMatch(/same month as to or earlier/);
    expect(code(() => monthRangeOrThrow("2025-01", "2026-01", now))).toMatch(/at most 12 months/);
    expect(code(() => monthRangeOrThrow("2025-02", "2026-01", now))).toBeNull();
  });
});

describe("admin inputs", () => {
  it("bounds a school's share of the key", () => {
    expect(keyShareSchema.safeParse(0.25).success).toBe(true);
    expect(keyShareSchema.safeParse(null).success).toBe(true);
    expect(keyShareSchema.safeParse(0).success).toBe(false);
    expect(keyShareSchema.safeParse(1.5).success).toBe(false);
  });

  it("checks settings and user changes", () => {
    expect(settingsSchema.safeParse({ alertWebhookUrl: "https://hooks.example.org/ft", transcriptRetentionDays: 365 }).success).toBe(true);
    expect(settingsSchema.safeParse({ alertWebhookUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(settingsSchema.safeParse({ transcriptRetentionDays: 0 }).success).toBe(false);
    expect(updateUserSchema.safeParse({}).success).toBe(false);
    expect(updateUserSchema.safeParse({ gradeLevel: null }).success).toBe(true);
  });
});
