// The usage ledger's writer. A turn is written after its answer has streamed, never in its way.
// If PostgreSQL is unavailable the record waits in a pending list — in Redis when there is one, so
// it survives this instance and any instance can finish the job — and is retried until written.
// Writes are idempotent (see write-turn.ts), so a record written twice is still one turn.
import type { Redis } from "@upstash/redis";
import type { Db } from "@/lib/db/client";
import { writeTurn, type TurnRecord } from "./write-turn";

export interface LedgerDeps {
  db: () => Db;
  redis: Redis | null;
  prefix: string;
  /** How often pending records are retried. */
  retryMs?: number;
  log?: (msg: string, err?: unknown) => void;
}

const BATCH = 50;

export class Ledger {
  private memory: TurnRecord[] = [];
  private inFlight = new Set<Promise<void>>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private draining: Promise<number> | null = null;

  constructor(private deps: LedgerDeps) {}

  private get pendingKey() {
    return `${this.deps.prefix}:ledger:pending`;
  }

  private get lockKey() {
    return `${this.deps.prefix}:ledger:drain-lock`;
  }

  /**
   * Writes the turn, or parks it for retry if the database is down. Never rejects. Callers start it
   * after the answer is complete, so the student is never kept waiting for it.
   */
  record(turn: TurnRecord): Promise<void> {
    const p = this.writeOrPark(turn).finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
    return p;
  }

  /** Waits for in-flight writes (tests, graceful shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  startRetrying(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.drain().catch(() => undefined), this.deps.retryMs ?? 2_000);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async pendingCount(): Promise<number> {
    const remote = this.deps.redis ? await this.deps.redis.llen(this.pendingKey).catch(() => 0) : 0;
    return remote + this.memory.length;
  }

  /** Writes parked records; returns how many were written. One drainer at a time across instances. */
  drain(): Promise<number> {
    this.draining ??= this.drainOnce().finally(() => (this.draining = null));
    return this.draining;
  }

  private async writeOrPark(turn: TurnRecord): Promise<void> {
    try {
      await writeTurn(this.deps.db(), turn);
    } catch (err) {
      this.deps.log?.(`ledger: database write failed for turn ${turn.turnId}; parked for retry`, err);
      await this.park(turn);
      this.startRetrying();
    }
  }

  private async park(turn: TurnRecord): Promise<void> {
    if (this.deps.redis) {
      try {
        await this.deps.redis.rpush(this.pendingKey, JSON.stringify(turn));
        return;
      } catch (err) {
        this.deps.log?.("ledger: Redis unavailable too; keeping the record in memory", err);
      }
    }
    this.memory.push(turn);
  }

  private async drainOnce(): Promise<number> {
    let written = 0;
    // Memory first: those records exist nowhere else.
    while (this.memory.length > 0) {
      await writeTurn(this.deps.db(), this.memory[0]!);
      this.memory.shift();
      written++;
    }
    const redis = this.deps.redis;
    if (!redis) return written;
    const token = crypto.randomUUID();
    const locked = await redis.set(this.lockKey, token, { nx: true, px: 30_000 });
    if (!locked) return written;
    try {
      for (;;) {
        const batch = await redis.lrange<string | TurnRecord>(this.pendingKey, 0, BATCH - 1);
        if (batch.length === 0) break;
        for (const item of batch) {
          await writeTurn(this.deps.db(), typeof item === "string" ? (JSON.parse(item) as TurnRecord) : item);
        }
        // Only trimmed after every record in the batch is written: a crash here re-writes, never loses.
        await redis.ltrim(this.pendingKey, batch.length, -1);
        written += batch.length;
      }
    } finally {
      if ((await redis.get(this.lockKey)) === token) await redis.del(this.lockKey);
    }
    return written;
  }
}
