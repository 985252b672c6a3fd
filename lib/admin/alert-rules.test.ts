import { describe, expect, it } from "vitest";
import type { SignalSnapshot } from "@/lib/load/signals";
import { monthlyCapAlerts, peakLoadAlert, providerAlert } from "./alert-rules";
import type { MonthStanding } from "./monthly-cap";

const standing = (used: number | null, caps = { tokens: 1_000, costUsd: null }): MonthStanding => ({ month: "2026-12", tokens: 850, costUsd: 0.01, caps, used });

describe("monthlyCapAlerts", () => {
  it("fires at 80 % and again at 100 %, with one key per crossing", () => {
    expect(monthlyCapAlerts({ schoolId: "s1", schoolName: "North", standing: standing(0.79) })).toEqual([]);
    const at85 = monthlyCapAlerts({ schoolId: "s1", schoolName: "North", standing: standing(0.85) });
    expect(at85.map((a) => a.key)).toEqual(["monthly:s1:2026-12:0.8:1000:-"]);
    expect(at85[0]).toMatchObject({ schoolId: "s1", kind: "monthly_cap", title: "North used 80 % of its monthly AI cap" });
    const at100 = monthlyCapAlerts({ schoolId: "s1", schoolName: "North", standing: standing(1.2) });
    expect(at100.map((a) => a.key)).toEqual(["monthly:s1:2026-12:0.8:1000:-", "monthly:s1:2026-12:1:1000:-"]);
  });

  it("re-arms when the cap changes and stays quiet without one", () => {
    const a = monthlyCapAlerts({ schoolId: "s1", schoolName: "N", standing: standing(0.9) })[0]!.key;
    const b = monthlyCapAlerts({ schoolId: "s1", schoolName: "N", standing: standing(0.9, { tokens: 2_000, costUsd: null }) })[0]!.key;
    expect(a).not.toBe(b);
    expect(monthlyCapAlerts({ schoolId: "s1", schoolName: "N", standing: standing(null) })).toEqual([]);
  });
});

describe("peakLoadAlert", () => {
  const since = 1_000_000;
  it("fires only when PEAK or worse has lasted two minutes, once per episode", () => {
    expect(peakLoadAlert({ level: "BUSY", since, why: "", now: since + 600_000 })).toBeNull();
    expect(peakLoadAlert({ level: "PEAK", since, why: "", now: since + 119_000 })).toBeNull();
    const a = peakLoadAlert({ level: "PEAK", since, why: "Queue is long.", now: since + 120_000 });
    expect(a).toMatchObject({ key: `load:PEAK:${since}`, schoolId: null, kind: "peak_load" });
    expect(peakLoadAlert({ level: "PEAK", since, why: "", now: since + 900_000 })!.key).toBe(a!.key);
    expect(peakLoadAlert({ level: "OVERLOADED", since: since + 5, why: "", now: since + 900_000 })!.key).not.toBe(a!.key);
  });
});

describe("providerAlert", () => {
  const signals = (errorRate: number, state: SignalSnapshot["breaker"]["state"] = "closed"): SignalSnapshot => ({
    counts: { ok: 5, rate_limited: 3, overloaded: 2, server_error: 1, network: 0, timeout: 0, midstream: 0, bad_request: 0, auth: 0 },
    total: 11,
    errorRate,
    breaker: { state, openedAt: null, consecutiveFailures: 0 },
  });

  it("raises above the error threshold or when the breaker opens", () => {
    expect(providerAlert({ signals: signals(0.3) }).raise).toMatchObject({ key: "provider", kind: "provider_errors" });
    expect(providerAlert({ signals: signals(0, "open") }).raise?.title).toBe("The AI provider looks down");
  });

  it("clears only well below the threshold (hysteresis)", () => {
    expect(providerAlert({ signals: signals(0.1) })).toEqual({ raise: null, clear: null });
    expect(providerAlert({ signals: signals(0.01) })).toEqual({ raise: null, clear: "provider" });
  });
});
