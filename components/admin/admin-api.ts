// Client-side calls to the admin API: JSON in, JSON out, and the error envelope turned into an Error
// whose message is the server's own words (plus per-line problems for roster imports).
export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly lines: { line: number; message: string }[] = [],
  ) {
    super(message);
  }
}

export async function adminFetch<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    cache: "no-store",
  }).catch(() => null);
  if (!res) throw new AdminApiError("The server can't be reached. Check your connection and try again.", "network");
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as ({ error?: { code: string; message: string; lines?: { line: number; message: string }[] } } & T) | null;
  if (!res.ok || !json) throw new AdminApiError(json?.error?.message ?? `The request failed (${res.status}).`, json?.error?.code ?? "internal", json?.error?.lines);
  return json;
}

/** `/path?schoolId=…` for super-admins acting on a chosen school; admins' own school is implied. */
export function withSchool(path: string, schoolId: string | null): string {
  if (!schoolId) return path;
  return `${path}${path.includes("?") ? "&" : "?"}schoolId=${encodeURIComponent(schoolId)}`;
}
