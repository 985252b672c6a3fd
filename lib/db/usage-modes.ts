// Per-mode counts, the shape every dashboard figure is broken down by.
import { MODES, type Mode } from "@/lib/tutor/types";

export type ModeCounts = Record<Mode, number>;

export function emptyModes(): ModeCounts {
  return Object.fromEntries(MODES.map((m) => [m, 0])) as ModeCounts;
}

export function isMode(v: string): v is Mode {
  return (MODES as readonly string[]).includes(v);
}
