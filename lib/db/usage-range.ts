// Date ranges for the teacher dashboard, in the school's time zone: "today" and "7 days" start at the
// school's midnight, not UTC's. The rollup is hourly, so zones with half-hour offsets are read to the
// hour. Pure (Intl only), so it is unit-tested without a database.
import { z } from "zod";
import { AppError } from "@/lib/errors";

export const RANGE_PRESETS = ["today", "7d", "30d", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export interface UsageRange {
  preset: RangePreset;
  /** Inclusive start, exclusive end (UTC instants of the school's midnights). */
  from: Date;
  to: Date;
  /** First and last local dates, YYYY-MM-DD (inclusive). */
  fromDate: string;
  toDate: string;
  /** Chart buckets: hours for a day or two, days beyond. */
  bucket: "hour" | "day";
  timeZone: string;
}

/** Longest custom range: a school year and a bit, so no query scans the whole ledger. */
export const MAX_RANGE_DAYS = 400;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The school's zone if the runtime knows it, else UTC (an admin-entered zone may be misspelt). */
export function safeTimeZone(tz: string | null | undefined): string {
  if (!tz) return "UTC";
  try {
    formatter(tz);
    return tz;
  } catch {
    return "UTC";
  }
}

/** Wall-clock parts of an instant in a zone. */
export function zonedParts(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(at).map((x) => [x.type, x.value]));
  return { year: +p.year!, month: +p.month!, day: +p.day!, hour: +p.hour!, minute: +p.minute!, second: +p.second! };
}

/** YYYY-MM-DD of an instant in a zone. */
export function localDate(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** The instant a local date begins in a zone (its midnight, or the first hour after a DST gap). */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall;
  // Two corrections settle the zone's offset, also across a DST change that day.
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(guess), timeZone);
    guess -= Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - wall;
  }
  return new Date(guess);
}

/** A local date `days` later (negative: earlier), calendar arithmetic without zones. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function isRealDate(date: string): boolean {
  return DATE.test(date) && addDays(date, 0) === date;
}

function dayCount(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(toDate) - Date.parse(fromDate)) / 86_400_000) + 1;
}

export function resolveRange(q: { preset: RangePreset; from?: string; to?: string }, timeZone: string, now = new Date()): UsageRange {
  const today = localDate(now, timeZone);
  let fromDate: string;
  let toDate = today;
  if (q.preset === "custom") {
    if (!q.from || !q.to || !isRealDate(q.from) || !isRealDate(q.to)) throw new RangeError("A custom range needs real dates in from and to (YYYY-MM-DD).");
    if (q.from > q.to) throw new RangeError("The range starts after it ends.");
    if (q.from > today) throw new RangeError("The range starts in the future.");
    if (dayCount(q.from, q.to) > MAX_RANGE_DAYS) throw new RangeError(`A range can span at most ${MAX_RANGE_DAYS} days.`);
    fromDate = q.from;
    toDate = q.to;
  } else {
    fromDate = addDays(today, q.preset === "today" ? 0 : q.preset === "7d" ? -6 : -29);
  }
  return {
    preset: q.preset,
    from: startOfLocalDate(fromDate, timeZone),
    to: startOfLocalDate(addDays(toDate, 1), timeZone),
    fromDate,
    toDate,
    bucket: dayCount(fromDate, toDate) <= 2 ? "hour" : "day",
    timeZone,
  };
}

/** Bucket labels the chart shows, empty ones included, in the same format the queries produce. */
export function bucketKeys(range: UsageRange): string[] {
  if (range.bucket === "day") {
    return Array.from({ length: dayCount(range.fromDate, range.toDate) }, (_, i) => addDays(range.fromDate, i));
  }
  const keys = new Set<string>();
  for (let t = range.from.getTime(); t < range.to.getTime(); t += 3_600_000) {
    const p = zonedParts(new Date(t), range.timeZone);
    keys.add(`${localDate(new Date(t), range.timeZone)}T${String(p.hour).padStart(2, "0")}`);
  }
  return [...keys];
}

const rangeQuery = z.object({
  range: z.enum(RANGE_PRESETS).default("7d"),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
});

/** `?range=today|7d|30d|custom&from=YYYY-MM-DD&to=YYYY-MM-DD` → a range, or a 400 in the envelope. */
export function parseRangeQuery(params: URLSearchParams, timeZone: string, surface: string, now = new Date()): UsageRange {
  const parsed = rangeQuery.safeParse({ range: params.get("range") ?? undefined, from: params.get("from") ?? undefined, to: params.get("to") ?? undefined });
  if (!parsed.success) throw new AppError(`bad_request:${surface}`, "range must be today, 7d, 30d or custom (with from and to as YYYY-MM-DD).");
  try {
    return resolveRange({ preset: parsed.data.range, from: parsed.data.from, to: parsed.data.to }, timeZone, now);
  } catch (err) {
    if (err instanceof RangeError) throw new AppError(`bad_request:${surface}`, err.message);
    throw err;
  }
}

/** Monday of the week containing `now`, in the zone (for "this week" on the class list). */
export function startOfLocalWeek(now: Date, timeZone: string): Date {
  const today = localDate(now, timeZone);
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  return startOfLocalDate(addDays(today, -weekday), timeZone);
}
