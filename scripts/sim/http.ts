// Small HTTP helpers shared by the API and admin routes: ids, error bodies, body reading.
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** `req_018EeWyXxfu5pfWkrYcMdjWG`-style ids: a prefix and 24 base62 characters. */
export function newId(prefix: "req" | "msg"): string {
  const bytes = randomBytes(24);
  let id = `${prefix}_`;
  for (const b of bytes) id += ALPHABET[b % 62];
  return id;
}

export type ErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "not_found_error"
  | "request_too_large"
  | "rate_limit_error"
  | "api_error"
  | "overloaded_error";

export function errorBody(type: ErrorType, message: string, requestId: string) {
  return { type: "error", error: { type, message }, request_id: requestId };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

/** The Messages API's documented request size limit. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
  }
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, "Request exceeds the maximum allowed number of bytes.");
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BodyError(400, "There was an issue with your request body: it is not valid JSON.");
  }
}
