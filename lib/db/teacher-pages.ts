// Small helpers for the teacher pages, which show a notice (not an error page) when access is refused
// and fall back to the default range when the address holds a bad one.
import { AppError } from "@/lib/errors";
import { parseRangeQuery, type UsageRange } from "./usage-range";

export type Access<T> = { ok: true; value: T } | { ok: false; message: string };

/** Runs an access check; a refusal (403/404/400) becomes a message to show, anything else throws. */
export async function withAccessOrNotice<T>(check: () => Promise<T>): Promise<Access<T>> {
  try {
    return { ok: true, value: await check() };
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return { ok: false, message: err.message };
    throw err;
  }
}

export function pageRangeOrDefault(searchParams: Record<string, string | string[] | undefined>, timeZone: string): UsageRange {
  const params = new URLSearchParams();
  for (const key of ["range", "from", "to"]) {
    const v = searchParams[key];
    if (typeof v === "string") params.set(key, v);
  }
  try {
    return parseRangeQuery(params, timeZone, "dashboard");
  } catch {
    return parseRangeQuery(new URLSearchParams(), timeZone, "dashboard");
  }
}
