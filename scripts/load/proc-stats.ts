// CPU time and resident memory of the app's whole process tree (next start and any workers it
// spawns), read from /proc as `ps` would, so the benchmark needs no native module.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface ProcSample {
  /** User + system CPU seconds of the live processes in the tree. */
  cpuSeconds: number;
  rssBytes: number;
  processes: number;
}

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface Stat {
  pid: number;
  ppid: number;
  ticks: number;
}

/** /proc/<pid>/stat: the command name may contain spaces, so fields are counted after the last ')'. */
function readStat(pid: number): Stat | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = raw.slice(raw.lastIndexOf(")") + 2).split(" ");
    // After the name: state(0) ppid(1) … utime(11) stime(12).
    return { pid, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null; // exited between listing and reading
  }
}

function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** null when /proc is unavailable (not Linux) or the root process is gone. */
export function sampleProcessTree(rootPid: number): ProcSample | null {
  let stats: Stat[];
  try {
    stats = readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .map((d) => readStat(Number(d)))
      .filter((s): s is Stat => s !== null);
  } catch {
    return null;
  }
  const children = new Map<number, Stat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const root = stats.find((s) => s.pid === rootPid);
  if (!root) return null;
  const tree: Stat[] = [];
  const stack = [root];
  // Bounded by the number of processes on the machine.
  while (stack.length > 0 && tree.length < stats.length) {
    const s = stack.pop()!;
    tree.push(s);
    stack.push(...(children.get(s.pid) ?? []));
  }
  return {
    cpuSeconds: tree.reduce((sum, s) => sum + s.ticks, 0) / clockTicks(),
    rssBytes: tree.reduce((sum, s) => sum + rssBytes(s.pid), 0),
    processes: tree.length,
  };
}
