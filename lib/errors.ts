// One error envelope for every API error: { "error": { "code": "type:surface", "message": "..." } }.
// The HTTP status follows from the type, so a handler only ever names what went wrong and where.

export type ErrorType =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "payload_too_large"
  | "rate_limit"
  | "unavailable"
  | "internal";

export type ErrorCode = `${ErrorType}:${string}`;

const STATUS: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  rate_limit: 429,
  unavailable: 503,
  internal: 500,
};

const DEFAULT_MESSAGE: Record<ErrorType, string> = {
  bad_request: "The request could not be understood. Check what was sent and try again.",
  unauthorized: "You need to sign in first.",
  forbidden: "You don't have access to this.",
  not_found: "We couldn't find that.",
  payload_too_large: "That's too long. Please shorten it and try again.",
  rate_limit: "You're sending messages quickly. Take a short break and try again.",
  unavailable: "This service is temporarily unavailable. Please try again shortly.",
  internal: "Something went wrong on our side. Please try again.",
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message?: string, opts: { headers?: Record<string, string> } = {}) {
    const type = code.split(":")[0] as ErrorType;
    super(message ?? DEFAULT_MESSAGE[type] ?? DEFAULT_MESSAGE.internal);
    this.code = code;
    this.status = STATUS[type] ?? 500;
    this.headers = opts.headers ?? {};
  }
}

/** The message a client shows for a code when the server sent none (e2e tests assert against it). */
export function messageFor(code: ErrorCode): string {
  const type = code.split(":")[0] as ErrorType;
  return DEFAULT_MESSAGE[type] ?? DEFAULT_MESSAGE.internal;
}

export function errorBody(code: ErrorCode, message: string) {
  return { error: { code, message } };
}

export function toResponse(err: unknown): Response {
  if (err instanceof AppError) {
    return Response.json(errorBody(err.code, err.message), { status: err.status, headers: err.headers });
  }
  // Anything unexpected is logged with its detail and answered without it.
  console.error("[api] unhandled error", err);
  return Response.json(errorBody("internal:api", DEFAULT_MESSAGE.internal), { status: 500 });
}
