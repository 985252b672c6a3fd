// Input token counting and prompt caching. The prompt is flattened in the API's cache order
// (tools → system → messages) into segments; each `cache_control` block closes a cacheable prefix
// identified by a hash of everything before it, so any change earlier in the prompt is a miss.
import { createHash } from "node:crypto";
import { estimateTokens } from "./text-gen";
import type { Block, PromptRequest } from "./validate";

type Ttl = "5m" | "1h";

interface Segment {
  key: string;
  tokens: number;
  /** Set when the block carries cache_control (a breakpoint). */
  ttl: Ttl | null;
}

/** Role markers and separators the real tokenizer adds around each message. */
const MESSAGE_OVERHEAD_TOKENS = 3;

function blockSegment(b: Block, prefix: string, extraTokens: number): Segment {
  // cache_control is not part of the content: moving a breakpoint must not change the prefix key.
  const { cache_control, ...content } = b;
  const key = prefix + JSON.stringify(content);
  const tokens = (b.type === "text" && typeof b.text === "string" ? estimateTokens(b.text) : estimateTokens(key)) + extraTokens;
  return { key, tokens, ttl: cache_control ? (cache_control.ttl === "1h" ? "1h" : "5m") : null };
}

export function promptSegments(r: PromptRequest): Segment[] {
  const segments: Segment[] = [];
  for (const tool of r.tools ?? []) segments.push(blockSegment(tool, "tool:", 0));
  if (typeof r.system === "string") segments.push({ key: `system:${r.system}`, tokens: estimateTokens(r.system), ttl: null });
  else for (const b of r.system ?? []) segments.push(blockSegment(b, "system:", 0));
  for (const m of r.messages) {
    if (typeof m.content === "string") {
      segments.push({ key: `${m.role}:${m.content}`, tokens: estimateTokens(m.content) + MESSAGE_OVERHEAD_TOKENS, ttl: null });
    } else {
      m.content.forEach((b, i) => segments.push(blockSegment(b, `${m.role}:`, i === 0 ? MESSAGE_OVERHEAD_TOKENS : 0)));
    }
  }
  return segments;
}

export function totalTokens(segments: Segment[]): number {
  return segments.reduce((sum, s) => sum + s.tokens, 0);
}

interface Breakpoint {
  digest: string;
  tokens: number;
  ttlMs: number;
}

export interface CachePlan {
  readTokens: number;
  creationTokens: number;
  /** Which TTL the written tokens were bought at (usage.cache_creation splits by it). */
  creationTtl: Ttl;
  breakpoints: Breakpoint[];
}

const TTL_MS: Record<Ttl, number> = { "5m": 5 * 60_000, "1h": 60 * 60_000 };
const SWEEP_FLOOR = 10_000;

export class PromptCache {
  /** digest → expiry (epoch ms). */
  private entries = new Map<string, number>();
  private sweepAt = SWEEP_FLOOR;

  /** Read-only: the caller commits only if the request is admitted. */
  plan(model: string, segments: Segment[], minTokens: number, now: number): CachePlan {
    const empty: CachePlan = { readTokens: 0, creationTokens: 0, creationTtl: "5m", breakpoints: [] };
    if (!segments.some((s) => s.ttl)) return empty;

    const hash = createHash("sha1").update(model);
    const breakpoints: Breakpoint[] = [];
    let lastTtl: Ttl = "5m";
    let cumulative = 0;
    for (const s of segments) {
      hash.update(`\u0000${s.key}`);
      cumulative += s.tokens;
      if (s.ttl && cumulative >= minTokens) {
        breakpoints.push({ digest: hash.copy().digest("base64url"), tokens: cumulative, ttlMs: TTL_MS[s.ttl] });
        lastTtl = s.ttl;
      }
    }
    // Breakpoints grow along the prompt, so the last live one is the longest cached prefix.
    let readTokens = 0;
    for (const b of breakpoints) if ((this.entries.get(b.digest) ?? 0) > now) readTokens = b.tokens;
    const longest = breakpoints.at(-1)?.tokens ?? 0;
    return { readTokens, creationTokens: Math.max(0, longest - readTokens), creationTtl: lastTtl, breakpoints };
  }

  /** Writes new prefixes and refreshes hit ones; the TTL counts from the request's start. */
  commit(plan: CachePlan, now: number): void {
    for (const b of plan.breakpoints) {
      this.entries.set(b.digest, Math.max(this.entries.get(b.digest) ?? 0, now + b.ttlMs));
    }
    if (this.entries.size > this.sweepAt) {
      for (const [digest, expiry] of this.entries) if (expiry <= now) this.entries.delete(digest);
      this.sweepAt = Math.max(SWEEP_FLOOR, this.entries.size * 2);
    }
  }

  clear(): void {
    this.entries.clear();
    this.sweepAt = SWEEP_FLOOR;
  }
}
