// A classroom workload as plain data, deterministic for a seed: who arrives when (whole classes at
// once, then a trickle), what each student asks (common questions many students repeat, maths
// problems, follow-ups in the same conversation, long pasted essays) and how long they read and
// think between answers. The driver replays it against the app.
import { COMMON_QUESTIONS, essay, FOLLOW_UPS, mathsProblem } from "./messages";
import { seededRandom } from "@/scripts/sim/text-gen";

export type MessageKind = "common" | "maths" | "follow_up" | "essay";

/** Students of one profile send the same kinds of messages in the same order: equal demand. */
export type Profile = "standard" | "maths" | "essay";

export interface PlannedMessage {
  kind: MessageKind;
  text: string;
  /** Continue the previous message's conversation (conversationId from its `meta`). */
  followUp: boolean;
  /** Pause before sending, after the previous answer ended (reading it, then typing). */
  thinkMs: number;
}

export interface StudentPlan {
  /** 0-based index into the seeded students. */
  index: number;
  classIndex: number;
  profile: Profile;
  /** Offset from the start of the run. */
  arriveAtMs: number;
  messages: PlannedMessage[];
}

export interface WorkloadOptions {
  students: number;
  classes: number;
  /** Arrivals and think times are scaled so the whole plan fits in about this long. */
  durationMs: number;
  seed: number;
  /** Share of classes that start at once at t = 0 (default 0.4); the rest trickle in. */
  burstShare?: number;
  /** Spread of the opening burst (default 3 s). */
  burstSpreadMs?: number;
  /** Think time range before scaling (default 6–16 s). */
  thinkMs?: [number, number];
}

const PROFILE_KINDS: Record<Profile, MessageKind[]> = {
  standard: ["common", "follow_up", "maths"],
  maths: ["maths", "follow_up", "maths", "follow_up"],
  essay: ["essay", "follow_up"],
};

/** The same seed gives the same classroom. */
export const rng = seededRandom;

const between = (r: () => number, lo: number, hi: number) => lo + r() * (hi - lo);
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function profileFor(r: () => number): Profile {
  const x = r();
  return x < 0.6 ? "standard" : x < 0.8 ? "maths" : "essay";
}

function messageFor(kind: MessageKind, r: () => number): string {
  switch (kind) {
    case "common":
      return pick(r, COMMON_QUESTIONS);
    case "maths":
      return mathsProblem(r);
    case "follow_up":
      return pick(r, FOLLOW_UPS);
    case "essay":
      return essay(r);
  }
}

export function planWorkload(o: WorkloadOptions): StudentPlan[] {
  const r = rng(o.seed);
  const burstClasses = Math.max(1, Math.round(o.classes * (o.burstShare ?? 0.4)));
  const spread = o.burstSpreadMs ?? 3_000;
  const [thinkLo, thinkHi] = o.thinkMs ?? [6_000, 16_000];
  // Calibrated at 90 s: shorter runs read and think faster, so every student still gets through.
  const scale = Math.min(1, o.durationMs / 90_000);
  const trickleFrom = 0.08 * o.durationMs;
  const trickleTo = 0.55 * o.durationMs;
  return Array.from({ length: o.students }, (_, index) => {
    // Students are enrolled round-robin (lib/db/seed-demo.ts), so class = index mod classes.
    const classIndex = index % o.classes;
    const profile = profileFor(r);
    const arriveAtMs = Math.round(classIndex < burstClasses ? between(r, 0, spread) : between(r, trickleFrom, trickleTo));
    const messages = PROFILE_KINDS[profile].map((kind, i) => ({
      kind,
      text: messageFor(kind, r),
      followUp: kind === "follow_up",
      thinkMs: i === 0 ? 0 : Math.round(between(r, thinkLo, thinkHi) * scale),
    }));
    return { index, classIndex, profile, arriveAtMs, messages };
  });
}

/** Every student sends `messages` at once and then quickly again: the hot path's worst case. */
export function planBurst(o: { students: number; messages: number; seed: number; spreadMs: number; thinkMs: [number, number] }): StudentPlan[] {
  const r = rng(o.seed);
  const kinds: MessageKind[] = ["common", "follow_up", "maths", "follow_up", "essay", "follow_up"];
  return Array.from({ length: o.students }, (_, index) => ({
    index,
    classIndex: 0,
    profile: "standard" as const,
    arriveAtMs: Math.round(between(r, 0, o.spreadMs)),
    messages: Array.from({ length: o.messages }, (_, i) => {
      const kind = kinds[i % kinds.length]!;
      return { kind, text: messageFor(kind, r), followUp: kind === "follow_up", thinkMs: i === 0 ? 0 : Math.round(between(r, o.thinkMs[0], o.thinkMs[1])) };
    }),
  }));
}
