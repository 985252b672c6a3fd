// Reading Anthropic's rate-limit headers (pure). Names: anthropic-ratelimit-{requests|input-tokens|
// output-tokens}-{limit|remaining|reset}; retry-after in seconds (or an HTTP date) on 429s.

export type HeaderBag = Headers | Record<string, string | string[] | null | undefined>;

export interface DimensionReading {
  limit?: number;
  remaining?: number;
}

export interface RateLimitReading {
  requests: DimensionReading;
  inputTokens: DimensionReading;
  outputTokens: DimensionReading;
  /** From retry-after-ms or retry-after, when present and sane. */
  retryAfterMs?: number;
}

function getter(headers: HeaderBag): (name: string) => string | undefined {
  if (typeof Headers !== "undefined" && headers instanceof Headers) return (name) => headers.get(name) ?? undefined;
  const lower = new Map<string, string>();
  for (const [k, v] of Object.entries(headers)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (typeof value === "string") lower.set(k.toLowerCase(), value);
  }
  return (name) => lower.get(name);
}

function nonNegative(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** retry-after is seconds (possibly fractional) or an HTTP date; retry-after-ms (the SDK's) wins when present. */
function parseRetryAfterMs(get: (name: string) => string | undefined, now: number): number | undefined {
  const ms = nonNegative(get("retry-after-ms"));
  if (ms !== undefined) return ms;
  const raw = get("retry-after");
  if (raw === undefined) return undefined;
  const seconds = nonNegative(raw);
  if (seconds !== undefined) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function readRateLimitHeaders(headers: HeaderBag, now: number): RateLimitReading {
  const get = getter(headers);
  const dim = (name: string): DimensionReading => ({
    limit: nonNegative(get(`anthropic-ratelimit-${name}-limit`)),
    remaining: nonNegative(get(`anthropic-ratelimit-${name}-remaining`)),
  });
  return { requests: dim("requests"), inputTokens: dim("input-tokens"), outputTokens: dim("output-tokens"), retryAfterMs: parseRetryAfterMs(get, now) };
}
