import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { bucketKeys, parseRangeQuery, resolveRange, safeTimeZone, startOfLocalDate, startOfLocalWeek } from "@/lib/db/usage-range";

const now = new Date("2026-03-10T15:30:00Z"); // a Tuesday

describe("resolveRange", () => {
  it("starts today at the school's midnight", () => {
    const r = resolveRange({ preset: "today" }, "America/New_York", now);
    expect(r.from.toISOString()).toBe("2026-03-10T04:00:00.000Z"); // EDT from 8 March
    expect(r.to.toISOString()).toBe("2026-03-11T04:00:00.000Z");
    expect(r.bucket).toBe("hour");
    expect(bucketKeys(r)).toHaveLength(24);
    expect(bucketKeys(r)[0]).toBe("2026-03-10T00");
  });

  it("covers 7 and 30 whole local days up to today, by day", () => {
    const week = resolveRange({ preset: "7d" }, "UTC", now);
    expect([week.fromDate, week.toDate, week.bucket]).toEqual(["2026-03-04", "2026-03-10", "day"]);
    expect(bucketKeys(week)).toEqual(["2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(resolveRange({ preset: "30d" }, "UTC", now).fromDate).toBe("2026-02-09");
  });

  it("has 23 hourly buckets on the day clocks spring forward", () => {
    const r = resolveRange({ preset: "custom", from: "2026-03-08", to: "2026-03-08" }, "America/New_York", now);
    expect(r.to.getTime() - r.from.getTime()).toBe(23 * 3_600_000);
    expect(bucketKeys(r)).toHaveLength(23);
  });

  it("accepts a custom range and refuses nonsense", () => {
    expect(resolveRange({ preset: "custom", from: "2026-01-01", to: "2026-01-31" }, "UTC", now)).toMatchObject({ fromDate: "2026-01-01", toDate: "2026-01-31", bucket: "day" });
    for (const bad of [
      { from: "2026-02-30", to: "2026-03-01" },
      { from: "2026-03-05", to: "2026-03-01" },
      { from: "2027-01-01", to: "2027-01-02" },
      { from: "2020-01-01", to: "2026-01-01" },
      { from: "yesterday", to: "2026-01-01" },
      { from: "2026-01-01" },
    ]) {
      expect(() => resolveRange({ preset: "custom", ...bad }, "UTC", now)).toThrow(RangeError);
    }
  });
});

describe("parseRangeQuery", () => {
  const parse = (q: string) => parseRangeQuery(new URLSearchParams(q), "UTC", "dashboard", now);

  it("defaults to the last 7 days", () => {
    expect(parse("").preset).toBe("7d");
  });

  it("answers bad input with a 400 in the envelope", () => {
    for (const q of ["range=year", "range=custom&from=2026-01-01", "range=custom&from=2026-01-01T00:00&to=2026-01-02", "range=custom&from=2026-05-01&to=2026-04-01"]) {
      let err: unknown;
      try {
        parse(q);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("bad_request:dashboard");
    }
  });
});

describe("time zones", () => {
  it("falls back to UTC for a zone the runtime doesn't know", () => {
    expect(safeTimeZone("Mars/Olympus")).toBe("UTC");
    expect(safeTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
  });

  it("finds local midnight and the Monday of the week", () => {
    expect(startOfLocalDate("2026-07-01", "Europe/Berlin").toISOString()).toBe("2026-06-30T22:00:00.000Z");
    expect(startOfLocalWeek(now, "UTC").toISOString()).toBe("2026-03-09T00:00:00.000Z");
  });
});
