// The ledger side of a run: its UsageEvents (written after each answer streamed, so they trail the
// last turn by a moment), and budget overshoot computed from them as the truth for money.
import type { Db } from "@/lib/db/client";
import type { Mode } from "@/lib/tutor/types";

export interface LedgerRow {
  studentId: string;
  mode: Mode;
  reason: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheWriteTokens: number;
  /** When the turn started (createdAt is when it finished). */
  startedAt: number;
}

/**
 * The run's UsageEvents for these students since `from`. Polls until `expected` are there or the
 * count stops growing for 3 s (a record lost or parked), bounded by `timeoutMs`.
 */
export async function readLedger(db: Db, o: { studentIds: string[]; from: Date; expected: number; timeoutMs?: number }): Promise<LedgerRow[]> {
  const where = { studentId: { in: o.studentIds }, createdAt: { gte: o.from } };
  const deadline = Date.now() + (o.timeoutMs ?? 30_000);
  let last = -1;
  let stableSince = Date.now();
  while (Date.now() < deadline) {
    const n = await db.usageEvent.count({ where });
    if (n >= o.expected) break;
    if (n !== last) [last, stableSince] = [n, Date.now()];
    else if (Date.now() - stableSince > 3_000) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const rows = await db.usageEvent.findMany({
    where,
    select: { studentId: true, mode: true, reason: true, model: true, inputTokens: true, outputTokens: true, cacheWriteTokens: true, createdAt: true, latencyMs: true },
  });
  return rows.map(({ createdAt, latencyMs, ...r }) => ({ ...r, mode: r.mode as Mode, startedAt: createdAt.getTime() - latencyMs }));
}

export interface Overshoot {
  /** Most tokens any student was charged beyond the budget in one window. */
  maxTokens: number;
  /** That student's largest single request (input + max_tokens of its mode): "one request's estimate". */
  boundTokens: number;
  studentsOver: number;
  /** Students whose overshoot is larger than their own largest request. */
  violations: number;
}

/**
 * Charged tokens (input + cache writes + output, as lib/tutor/decide.ts chargedTokens) per student
 * and budget window, against the window's budget. Windows are the fixed grid the budget uses.
 */
export function budgetOvershoot(rows: LedgerRow[], o: { tokensPerWindow: number; windowSeconds: number; maxTokens: { full: number; concise: number } }): Overshoot {
  const windowMs = o.windowSeconds * 1000;
  const charged = new Map<string, number>();
  const largest = new Map<string, number>();
  for (const r of rows) {
    if (r.mode !== "full" && r.mode !== "concise") continue;
    const key = `${r.studentId}|${Math.floor(r.startedAt / windowMs)}`;
    charged.set(key, (charged.get(key) ?? 0) + r.inputTokens + r.cacheWriteTokens + r.outputTokens);
    const request = r.inputTokens + r.cacheWriteTokens + o.maxTokens[r.mode];
    largest.set(r.studentId, Math.max(largest.get(r.studentId) ?? 0, request));
  }
  let maxTokens = 0;
  let boundTokens = 0;
  const over = new Set<string>();
  let violations = 0;
  for (const [key, tokens] of charged) {
    const extra = tokens - o.tokensPerWindow;
    if (extra <= 0) continue;
    const student = key.split("|")[0]!;
    over.add(student);
    const bound = largest.get(student) ?? 0;
    if (extra > bound) violations++;
    if (extra > maxTokens) [maxTokens, boundTokens] = [extra, bound];
  }
  return { maxTokens, boundTokens, studentsOver: over.size, violations };
}
