// Alert webhooks: a JSON POST signed with HMAC-SHA256 so the receiver can check it came from us and
// wasn't replayed. Signature = hex HMAC of `${timestamp}.${body}` under the school's secret, sent as
// `x-fairtutor-signature: sha256=<hex>` with the timestamp (ms) in `x-fairtutor-timestamp`.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-fairtutor-signature";
export const TIMESTAMP_HEADER = "x-fairtutor-timestamp";

export function signWebhook({ secret, timestamp, body }: { secret: string; timestamp: number; body: string }): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** For receivers (and our tests): constant-time check of a signature, refusing stale timestamps. */
export function verifyWebhook({ secret, timestamp, body, signature, now = Date.now(), toleranceMs = 5 * 60_000 }: { secret: string; timestamp: number; body: string; signature: string; now?: number; toleranceMs?: number }): boolean {
  if (!Number.isFinite(timestamp) || Math.abs(now - timestamp) > toleranceMs) return false;
  const expected = Buffer.from(signWebhook({ secret, timestamp, body }));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export async function sendWebhook({ url, secret, payload, now = Date.now(), timeoutMs = 5_000, fetchImpl = fetch }: { url: string; secret: string; payload: unknown; now?: number; timeoutMs?: number; fetchImpl?: typeof fetch }): Promise<{ ok: boolean; status: number | null }> {
  const body = JSON.stringify(payload);
  try {
    const res = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/json", [TIMESTAMP_HEADER]: String(now), [SIGNATURE_HEADER]: signWebhook({ secret, timestamp: now, body }) },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "manual",
    });
    return { ok: res.ok, status: res.status };
  } catch {
    return { ok: false, status: null };
  }
}
