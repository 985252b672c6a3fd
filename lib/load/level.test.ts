import { describe, expect, it } from "vitest";
import type { LoadLevel } from "@/lib/tutor/types";
import { DEFAULT_LOAD_THRESHOLDS as T, LEVELS, nextLoadLevel, type LoadSignals, type LoadState } from "./level";

const calm: LoadSignals = { headroom: 1, queueDepth: 0, errorRate: 0, providerDown: false };
const busy: LoadSignals = { ...calm, headroom: 0.2 }; // BUSY enter < 0.25
const peak: LoadSignals = { ...calm, queueDepth: 20 };
const overloaded: LoadSignals = { ...calm, errorRate: 0.5 };
const DWELL = T.minDwellMs;

function at(level: LoadLevel, since = 0): LoadState {
  return { level, since };
}

/** Run signals once per second from `start`, return every state. */
function run(start: LoadState, signalsAt: (t: number) => LoadSignals, seconds: number) {
  const states: ReturnType<typeof nextLoadLevel>[] = [];
  let s: LoadState = start;
  for (let t = 1; t <= seconds; t++) {
    const next = nextLoadLevel(s, signalsAt(t * 1000), t * 1000);
    states.push(next);
    s = next;
  }
  return states;
}

function transitions(states: { level: LoadLevel }[], first: LoadLevel): number {
  let n = 0;
  let prev = first;
  for (const s of states) {
    if (s.level !== prev) n++;
    prev = s.level;
  }
  return n;
}

describe("nextLoadLevel", () => {
  it("stays NORMAL and keeps `since` when calm", () => {
    expect(nextLoadLevel(at("NORMAL", 5), calm, 10_000)).toMatchObject({ level: "NORMAL", since: 5 });
  });

  it("steps up immediately, straight to the highest level whose enter threshold is met", () => {
    expect(nextLoadLevel(at("NORMAL"), busy, 1000)).toMatchObject({ level: "BUSY", since: 1000 });
    expect(nextLoadLevel(at("NORMAL"), peak, 1000)).toMatchObject({ level: "PEAK", since: 1000 });
    expect(nextLoadLevel(at("BUSY"), overloaded, 1000)).toMatchObject({ level: "OVERLOADED", since: 1000 });
    expect(nextLoadLevel(at("NORMAL"), { ...calm, errorRate: 0.02 }, 1)).toMatchObject({ level: "BUSY" });
    // an empty bucket alone is full use of the key, not PEAK
    expect(nextLoadLevel(at("NORMAL"), { ...calm, headroom: 0 }, 1)).toMatchObject({ level: "BUSY" });
  });

  it("explains itself in a sentence", () => {
    const r = nextLoadLevel(at("NORMAL"), peak, 1000);
    expect(r.why).toMatch(/^Up to PEAK: 20 requests are queued \(threshold 10\)\.$/);
    expect(nextLoadLevel(at("NORMAL"), { ...calm, headroom: 0.05 }, 1).why).toContain("headroom 5% is below 25%");
  });

  it("enter thresholds are stricter than stay thresholds for every level", () => {
    for (const level of ["BUSY", "PEAK", "OVERLOADED"] as const) {
      expect(T.enter[level].headroomBelow).toBeLessThanOrEqual(T.stay[level].headroomBelow);
      expect(T.enter[level].queueDepthAtLeast).toBeGreaterThan(T.stay[level].queueDepthAtLeast);
      expect(T.enter[level].errorRateAtLeast).toBeGreaterThan(T.stay[level].errorRateAtLeast);
    }
  });

  it("holds a level while a stay threshold is met, even below the enter threshold", () => {
    // headroom 0.3: above BUSY's enter (0.25) but below its stay (0.4)
    const r = nextLoadLevel(at("BUSY"), { ...calm, headroom: 0.3 }, 10 * DWELL);
    expect(r).toMatchObject({ level: "BUSY", since: 0 });
    expect(r.calmSince).toBeUndefined();
    expect(r.why).toMatch(/^Holding BUSY: headroom 30% is below 40%\.$/);
  });

  it("steps down only after the signals stay calm for the dwell time, one level at a time", () => {
    const states = run(at("PEAK"), () => calm, 3 * DWELL / 1000 + 5);
    const firstDown = states.findIndex((s) => s.level === "BUSY");
    const second = states.findIndex((s) => s.level === "NORMAL");
    expect((firstDown + 1) * 1000).toBe(1000 + DWELL); // calm from t=1s
    expect(second - firstDown).toBe(DWELL / 1000 + 1); // calm counted afresh in the new level
    expect(states[firstDown].why).toMatch(/stepping down from PEAK to BUSY/);
    expect(states[firstDown - 1].why).toMatch(/if they stay calm 1 s more/);
  });

  it("a single busy sample restarts the calm clock", () => {
    let s: LoadState = at("BUSY");
    s = nextLoadLevel(s, calm, 1000);
    expect(s.calmSince).toBe(1000);
    s = nextLoadLevel(s, { ...calm, queueDepth: 1 }, DWELL);
    expect(s.calmSince).toBeUndefined();
    s = nextLoadLevel(s, calm, DWELL + 1000);
    expect(s).toMatchObject({ level: "BUSY", calmSince: DWELL + 1000 });
  });

  it("does not flap under signals oscillating across the enter threshold", () => {
    // Every second: busy, calm, busy, calm... for 10 minutes.
    const states = run(at("NORMAL"), (t) => ((t / 1000) % 2 === 0 ? calm : busy), 600);
    expect(transitions(states, "NORMAL")).toBe(1);
    expect(states.at(-1)?.level).toBe("BUSY");
    // Hovering just around BUSY's enter threshold (0.2..0.3 headroom).
    const hover = run(at("NORMAL"), (t) => ({ ...calm, headroom: 0.25 + 0.05 * Math.sin(t / 700) }), 600);
    expect(transitions(hover, "NORMAL")).toBe(1);
    // Slow oscillation: 20 s of peak, 20 s calm (shorter than the dwell) — climbs once, never descends.
    const slow = run(at("NORMAL"), (t) => (Math.floor(t / 20_000) % 2 === 0 ? peak : calm), 600);
    expect(transitions(slow, "NORMAL")).toBe(1);
  });

  it("providerDown → OVERLOADED at once, and it keeps its since while down", () => {
    const r = nextLoadLevel(at("NORMAL"), { ...calm, providerDown: true }, 7000);
    expect(r).toMatchObject({ level: "OVERLOADED", since: 7000 });
    expect(r.why).toMatch(/circuit breaker/);
    expect(nextLoadLevel({ level: "OVERLOADED", since: 7000 }, { ...calm, providerDown: true }, 9000)).toMatchObject({ since: 7000 });
  });

  it("recovers from OVERLOADED down to NORMAL after the provider returns", () => {
    const states = run(at("OVERLOADED"), () => calm, 4 * (DWELL / 1000 + 1));
    expect(states.map((s) => s.level).filter((l, i, a) => a[i - 1] !== l)).toEqual(["OVERLOADED", "PEAK", "BUSY", "NORMAL"]);
  });

  it("accepts custom thresholds", () => {
    const t = { ...T, minDwellMs: 0, enter: { ...T.enter, BUSY: { headroomBelow: 0.9, queueDepthAtLeast: 99, errorRateAtLeast: 1 } } };
    expect(nextLoadLevel(at("NORMAL"), { ...calm, headroom: 0.8 }, 1, t).level).toBe("BUSY");
    expect(LEVELS).toEqual(["NORMAL", "BUSY", "PEAK", "OVERLOADED"]);
  });
});
