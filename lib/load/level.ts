// The load level as a pure state machine with hysteresis. Stepping up is immediate (protect the key
// first); stepping down needs the signals to be below the level's looser "stay" thresholds continuously
// for minDwellMs, and goes one level at a time. So signals hovering around a threshold don't flap.
import type { LoadLevel } from "@/lib/tutor/types";

export interface LoadSignals {
  /** How full the emptiest upstream bucket is, 0..1. */
  headroom: number;
  queueDepth: number;
  /** Share of recent upstream calls that failed (429/529/5xx/timeout/network), 0..1. */
  errorRate: number;
  /** The circuit breaker is open or half-open. */
  providerDown: boolean;
}

/** A level holds while ANY condition holds (enter: to step up into it; stay: to remain in it). */
export interface LevelRule {
  /** 0 disables this condition (headroom is never below 0). */
  headroomBelow: number;
  queueDepthAtLeast: number;
  errorRateAtLeast: number;
}

type Elevated = Exclude<LoadLevel, "NORMAL">;

export interface LoadThresholds {
  enter: Record<Elevated, LevelRule>;
  /** Looser than enter, so a level isn't left the moment its signal dips under the entry bar. */
  stay: Record<Elevated, LevelRule>;
  minDwellMs: number;
}

// Low headroom alone only means BUSY: buckets hovering near empty with a short queue is simply full
// use of the key, and answering more briefly is the right response. PEAK and OVERLOADED need a queue
// or failures. Queue depths suit the default ANTHROPIC_RPM of 50; scale them with the real limits.
export const DEFAULT_LOAD_THRESHOLDS: LoadThresholds = {
  enter: {
    BUSY: { headroomBelow: 0.25, queueDepthAtLeast: 3, errorRateAtLeast: 0.02 },
    PEAK: { headroomBelow: 0, queueDepthAtLeast: 10, errorRateAtLeast: 0.1 },
    OVERLOADED: { headroomBelow: 0, queueDepthAtLeast: 40, errorRateAtLeast: 0.3 },
  },
  stay: {
    BUSY: { headroomBelow: 0.4, queueDepthAtLeast: 1, errorRateAtLeast: 0.01 },
    PEAK: { headroomBelow: 0, queueDepthAtLeast: 4, errorRateAtLeast: 0.05 },
    OVERLOADED: { headroomBelow: 0, queueDepthAtLeast: 20, errorRateAtLeast: 0.15 },
  },
  minDwellMs: 30_000,
};

export interface LoadState {
  level: LoadLevel;
  /** When this level was entered (epoch ms). */
  since: number;
  /** Since when the signals have been below this level's stay thresholds; absent while they aren't. */
  calmSince?: number;
}

export const LEVELS: readonly LoadLevel[] = ["NORMAL", "BUSY", "PEAK", "OVERLOADED"];

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The first condition of `rule` the signals meet, as words, or null. */
function breach(s: LoadSignals, rule: LevelRule): string | null {
  if (s.headroom < rule.headroomBelow) return `headroom ${pct(s.headroom)} is below ${pct(rule.headroomBelow)}`;
  if (s.queueDepth >= rule.queueDepthAtLeast) return `${s.queueDepth} requests are queued (threshold ${rule.queueDepthAtLeast})`;
  if (s.errorRate >= rule.errorRateAtLeast) return `${pct(s.errorRate)} of recent calls failed (threshold ${pct(rule.errorRateAtLeast)})`;
  return null;
}

export function nextLoadLevel(
  prev: LoadState,
  signals: LoadSignals,
  now: number,
  thresholds: LoadThresholds = DEFAULT_LOAD_THRESHOLDS,
): LoadState & { why: string } {
  const cur = LEVELS.indexOf(prev.level);
  if (signals.providerDown) {
    const why = "The AI provider is not answering (circuit breaker open), so everyone gets the offline tutor.";
    return prev.level === "OVERLOADED" ? { level: prev.level, since: prev.since, why } : { level: "OVERLOADED", since: now, why };
  }

  for (let i = LEVELS.length - 1; i > cur; i--) {
    const reason = breach(signals, thresholds.enter[LEVELS[i] as Elevated]);
    if (reason) return { level: LEVELS[i], since: now, why: `Up to ${LEVELS[i]}: ${reason}.` };
  }
  if (cur === 0) return { level: "NORMAL", since: prev.since, why: "All signals are within normal limits." };

  const holding = breach(signals, thresholds.stay[prev.level as Elevated]);
  if (holding) return { level: prev.level, since: prev.since, why: `Holding ${prev.level}: ${holding}.` };

  const calmSince = prev.calmSince ?? now;
  const calmFor = now - calmSince;
  if (calmFor < thresholds.minDwellMs) {
    const left = Math.ceil((thresholds.minDwellMs - calmFor) / 1000);
    return { level: prev.level, since: prev.since, calmSince, why: `Signals have eased; stepping down from ${prev.level} if they stay calm ${left} s more.` };
  }
  const lower = LEVELS[cur - 1];
  return { level: lower, since: now, why: `Calm for ${Math.round(calmFor / 1000)} s: stepping down from ${prev.level} to ${lower}.` };
}
