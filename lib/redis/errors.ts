// Two kinds of failure reach callers of the Redis client, and they need opposite handling:
// an error *reply* (WRONGTYPE, a script error, NOSCRIPT) is a bug or a protocol step and must
// surface, while an *unreachable* server is an outage that the budget fail-safe absorbs.
// Requesters turn transport failures into RedisUnavailableError; replies stay UpstashError.

export class RedisUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RedisUnavailableError";
  }
}

export function isRedisUnavailable(error: unknown): error is RedisUnavailableError {
  return error instanceof RedisUnavailableError;
}
