// Test-only: the two stores the governor must work on. Real Redis at 127.0.0.1:6379 (skipped with a
// message when unreachable, failing when REQUIRE_REAL_SERVICES is set) and the embedded store.
import { isReachable } from "@/lib/net";
import type { Redis } from "@upstash/redis";
import { closeRedis, createRedis } from "@/lib/redis";

export interface TestBackend {
  name: "real Redis" | "embedded store";
  /** A new client (a separate "instance") over the same store. */
  connect(): Redis;
  /** Closes every client connect() made. */
  close(): Promise<void>;
}

const REAL_URL = "redis://127.0.0.1:6379";

function backend(name: TestBackend["name"], make: () => Redis): TestBackend {
  const clients: Redis[] = [];
  return {
    name,
    connect: () => {
      const c = make();
      clients.push(c);
      return c;
    },
    close: async () => void (await Promise.all(clients.splice(0).map((c) => closeRedis(c)))),
  };
}

export async function testBackends(): Promise<TestBackend[]> {
  const required = process.env.REQUIRE_REAL_SERVICES === "1" || process.env.REQUIRE_REAL_SERVICES === "true";
  const backends: TestBackend[] = [];
  if (await isReachable("127.0.0.1", 6379)) backends.push(backend("real Redis", () => createRedis({ redisUrl: REAL_URL })));
  else if (required) throw new Error(`Redis at ${REAL_URL} is not reachable and REQUIRE_REAL_SERVICES is set.`);
  else console.warn(`[test] real Redis at ${REAL_URL} is NOT reachable: its suite is SKIPPED (embedded store only).`);
  // Embedded clients share one keyspace, like two app instances sharing a server.
  backends.push(backend("embedded store", () => createRedis({ embedded: true })));
  return backends;
}

/** A key prefix no other run or test shares. */
export function uniquePrefix(label: string): string {
  return `test:${label}:${Date.now().toString(36)}:${Math.random().toString(36).slice(2, 8)}`;
}
