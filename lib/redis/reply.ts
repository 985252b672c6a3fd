// Shared by the ioredis and embedded requesters: both must hand @upstash/redis exactly what the
// Upstash REST API returns (after its base64 decoding), so one deserializer works for all backends.

/** One command as @upstash/redis puts it in a request body: ["set", "k", "v", "px", 1000]. */
export type RestCommand = (string | number | boolean)[];

export type RestResult = { result: unknown } | { error: string };

/** REST sends numbers and booleans as JSON; Redis only knows strings. */
export function commandArgs(command: RestCommand): { name: string; args: string[] } {
  const [name, ...args] = command;
  return { name: String(name).toLowerCase(), args: args.map(String) };
}

/** A raw ioredis / ioredis-mock reply → the JSON value REST returns for it. */
export function toRestValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Buffer.isBuffer(value)) return value.toString("utf8");
  if (Array.isArray(value)) return value.map(toRestValue);
  // An error nested in an array reply (e.g. a script returning {1, {err=...}}).
  if (value instanceof Error) return value.message;
  // HGETALL: ioredis (and the mock) turn the reply into an object; REST returns the flat
  // field/value list, which is what @upstash/redis's hgetall deserializer expects.
  if (typeof value === "object") return Object.entries(value).flat().map(toRestValue);
  return value;
}
