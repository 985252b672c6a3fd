// Paces output tokens for every in-flight answer from one shared timer: hundreds of concurrent
// streams cost one interval and one pass per tick instead of a timer per token.

const TICK_MS = 25;
/** Tokens batched per delta after the first, so a stream sends a few events per tick at most. */
const MIN_DELTA_TOKENS = 3;

export interface GenerationHooks {
  /** Tokens [from, to) have been produced. */
  onTokens(from: number, to: number): void;
  onDone(): void;
  /** Generation broke off after `emitted` tokens (injected mid-stream fault). */
  onFail(): void;
}

export class Generation {
  emitted = 0;

  constructor(
    readonly total: number,
    private readonly firstTokenAt: number,
    private readonly tokensPerSecond: number,
    /** Token count after which the generation fails instead of finishing; null for a clean run. */
    private readonly failAt: number | null,
    private readonly hooks: GenerationHooks,
  ) {}

  /** Returns true once the generation has finished or failed. */
  step(now: number): boolean {
    if (now < this.firstTokenAt) return false;
    const end = this.failAt ?? this.total;
    const due = Math.min(end, Math.floor(((now - this.firstTokenAt) * this.tokensPerSecond) / 1000) + 1);
    const worthSending = this.emitted === 0 || due === end || due - this.emitted >= MIN_DELTA_TOKENS;
    if (due > this.emitted && worthSending) {
      this.hooks.onTokens(this.emitted, due);
      this.emitted = due;
    }
    if (this.emitted < end) return false;
    if (this.failAt === null) this.hooks.onDone();
    else this.hooks.onFail();
    return true;
  }
}

export class Ticker {
  private readonly jobs = new Set<Generation>();
  private timer: NodeJS.Timeout | null = null;

  add(job: Generation): void {
    // A zero-TTFT job starts now rather than on the next tick.
    if (this.run(job, Date.now())) return;
    this.jobs.add(job);
    if (!this.timer) this.timer = setInterval(() => this.tick(), TICK_MS).unref();
  }

  remove(job: Generation): void {
    this.jobs.delete(job);
    this.idleCheck();
  }

  private tick(): void {
    const now = Date.now();
    for (const job of this.jobs) if (this.run(job, now)) this.jobs.delete(job);
    this.idleCheck();
  }

  /** One broken connection must not stop every other stream. */
  private run(job: Generation, now: number): boolean {
    try {
      return job.step(now);
    } catch (err) {
      console.error("[sim] generation step failed:", err);
      return true;
    }
  }

  private idleCheck(): void {
    if (this.jobs.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
