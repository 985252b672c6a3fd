// When an alert fires, as pure functions of what the monitor read. Each candidate carries a crossing
// key: the alert is raised once per key (Redis SET NX), so a threshold crossed once notifies once,
// however many requests see it crossed.
import type { SignalSnapshot } from "@/lib/load/signals";
import type { LoadLevel } from "@/lib/tutor/types";
import type { MonthStanding } from "./monthly-cap";

export type AlertKind = "monthly_cap" | "peak_load" | "provider_errors";

export interface AlertCandidate {
  key: string;
  ttlSeconds: number;
  /** null: about the shared key or the provider, for every school's admins. */
  schoolId: string | null;
  kind: AlertKind;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

export const ALERT_THRESHOLDS = {
  /** Shares of the monthly cap that alert; each once per month and cap value. */
  monthlyCapShares: [0.8, 1] as const,
  /** PEAK (or worse) for this long counts as sustained. */
  peakSustainedMs: 2 * 60_000,
  /** Upstream error rate that alerts, and the rate it must fall under before it can alert again. */
  providerErrorRate: 0.25,
  providerClearRate: 0.05,
};

const DAY = 86_400;
const pct = (share: number) => `${Math.round(share * 100)} %`;

export function monthlyCapAlerts({ schoolId, schoolName, standing }: { schoolId: string; schoolName: string; standing: MonthStanding }): AlertCandidate[] {
  const used = standing.used;
  if (used === null) return [];
  const caps = `${standing.caps.tokens ?? "-"}:${standing.caps.costUsd ?? "-"}`;
  return ALERT_THRESHOLDS.monthlyCapShares
    .filter((share) => used >= share)
    .map((share) => ({
      // The cap is in the key: an admin raising or lowering it re-arms the alert.
      key: `monthly:${schoolId}:${standing.month}:${share}:${caps}`,
      ttlSeconds: 40 * DAY,
      schoolId,
      kind: "monthly_cap" as const,
      title: share >= 1 ? `${schoolName} reached its monthly AI cap` : `${schoolName} used ${pct(share)} of its monthly AI cap`,
      body:
        share >= 1
          ? `Students get practice-mode answers until the month ends or the cap is raised. Used: ${standing.tokens.toLocaleString("en")} tokens, $${standing.costUsd.toFixed(2)}.`
          : `Used so far in ${standing.month}: ${standing.tokens.toLocaleString("en")} tokens, $${standing.costUsd.toFixed(2)}.`,
      data: { month: standing.month, share, used, tokens: standing.tokens, costUsd: standing.costUsd, caps: standing.caps },
    }));
}

export function peakLoadAlert({ level, since, why, now }: { level: LoadLevel; since: number; why: string; now: number }): AlertCandidate | null {
  if ((level !== "PEAK" && level !== "OVERLOADED") || now - since < ALERT_THRESHOLDS.peakSustainedMs) return null;
  const minutes = Math.floor((now - since) / 60_000);
  return {
    key: `load:${level}:${since}`,
    ttlSeconds: DAY,
    schoolId: null,
    kind: "peak_load",
    title: `Sustained ${level} load for ${minutes} minutes`,
    body: `${why} Longer answers are shortened and homework follow-ups use practice mode while it lasts.`,
    data: { level, since, why },
  };
}

/** raise: the alert to fire now (if any); clear: the crossing is over, so the key may be re-armed. */
export function providerAlert({ signals }: { signals: SignalSnapshot }): { raise: AlertCandidate | null; clear: string | null } {
  const key = "provider";
  // Half-open only means the cool-down is over and a probe may go: not evidence either way.
  const down = signals.breaker.state === "open";
  if (!down && signals.errorRate < ALERT_THRESHOLDS.providerClearRate) return { raise: null, clear: key };
  if (!down && signals.errorRate < ALERT_THRESHOLDS.providerErrorRate) return { raise: null, clear: null };
  const { rate_limited, overloaded, server_error, network, timeout, midstream } = signals.counts;
  return {
    raise: {
      key,
      ttlSeconds: 6 * 3_600,
      schoolId: null,
      kind: "provider_errors",
      title: down ? "The AI provider looks down" : `${pct(signals.errorRate)} of AI requests are failing`,
      body: `Last minute: ${rate_limited} rate-limited (429), ${overloaded} overloaded (529), ${server_error + network + timeout + midstream} other errors. Students get practice-mode answers where needed.`,
      data: { errorRate: signals.errorRate, breaker: signals.breaker.state, counts: signals.counts },
    },
    clear: null,
  };
}
