// The gate's own overhead: the time from a student's request leaving the browser to the app's call
// arriving at the (in-process) simulator, measured on an idle system, one turn at a time, once with
// the gate and once without it. Arrivals come from Node's `http.server.request.start` diagnostics
// channel, so the simulator needs no hook and the timing is exact to the event loop.
import dc from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { parseEvents } from "@/lib/tutor/sse";
import type { Simulator } from "@/scripts/sim/server";
import type { SendTurn } from "./driver";

const CHANNEL = "http.server.request.start";

/** performance.now() of every POST /v1/messages this process's HTTP servers receive. */
export function watchUpstream(): { arrivals: number[]; close(): void } {
  const arrivals: number[] = [];
  const onStart = (msg: unknown) => {
    const { request } = msg as { request: IncomingMessage };
    if (request.method === "POST" && request.url?.split("?")[0] === "/v1/messages") arrivals.push(performance.now());
  };
  dc.subscribe(CHANNEL, onStart);
  return { arrivals, close: () => dc.unsubscribe(CHANNEL, onStart) };
}

export interface GateSample {
  /** Request sent → upstream call arrived, per measured turn that went upstream. */
  toUpstreamMs: number[];
  /** The same per measured round (null: no upstream call), to pair targets round by round. */
  byRound: (number | null)[];
  /** Turns that were answered without an upstream call (none expected on an idle system). */
  skipped: number;
}

/** Per-round differences a − b: the noise both saw in the same round cancels out. */
export function pairedDifferences(a: GateSample, b: GateSample): number[] {
  return a.byRound.flatMap((x, i) => {
    const y = b.byRound[i];
    return x === null || y === null || y === undefined ? [] : [x - y];
  });
}

export interface GateTarget {
  name: string;
  send: SendTurn;
  /** Before every turn: give the pipeline an idle system again (empty queue, full buckets). */
  reset(): Promise<void>;
}

/**
 * Sends one first-turn question per calibration student to every target, interleaved round by
 * round (alternating who goes first) so noise from the machine falls on all targets alike. The
 * first `warmup` rounds (JIT, connection pools) are not counted. The simulator answers instantly
 * meanwhile; its settings are restored afterwards.
 */
export async function measureGate(o: { targets: GateTarget[]; rounds: number; warmup: number; sim: Simulator }): Promise<Map<string, GateSample>> {
  const probe = watchUpstream();
  const { ttftMs, ttftJitter, tokensPerSecond } = o.sim.config;
  o.sim.configure({ ttftMs: 0, ttftJitter: 0, tokensPerSecond: 20_000 });
  const out = new Map<string, GateSample>(o.targets.map((t) => [t.name, { toUpstreamMs: [], byRound: [], skipped: 0 }]));
  try {
    for (let round = 0; round < o.rounds; round++) {
      const order = round % 2 === 0 ? o.targets : [...o.targets].reverse();
      for (const t of order) {
        await t.reset();
        o.sim.reset();
        const from = probe.arrivals.length;
        const t0 = performance.now();
        const res = await t.send(round, { message: "What is photosynthesis?" }, AbortSignal.timeout(30_000));
        if (res.body) for await (const _ of parseEvents(res.body));
        const arrival = probe.arrivals[from];
        if (round < o.warmup) continue;
        const sample = out.get(t.name)!;
        sample.byRound.push(arrival === undefined ? null : arrival - t0);
        if (arrival === undefined) sample.skipped++;
        else sample.toUpstreamMs.push(arrival - t0);
      }
    }
  } finally {
    o.sim.configure({ ttftMs, ttftJitter, tokensPerSecond });
    probe.close();
  }
  return out;
}
