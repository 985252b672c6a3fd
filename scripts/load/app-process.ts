// The app under test as a real production server: `next build` when the build is stale, a private
// snapshot of it (other engineers rebuild .next in this checkout while a benchmark runs), and
// `next start` spawned directly in its own process group so it and all its children can be killed.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const SOURCES = ["app", "lib", "components", "public", "next.config.ts", "package.json", "package-lock.json", "tsconfig.json"];

function newestMtime(p: string, depth = 0): number {
  if (!existsSync(p) || depth > 12) return 0;
  const st = statSync(p);
  // Tests and docs are not part of the build.
  if (!st.isDirectory()) return /(\.test\.ts|\.md)$/.test(p) ? 0 : st.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((d) => newestMtime(path.join(p, d), depth + 1)));
}

/** Why a build is needed, or null when .next/BUILD_ID is newer than every source file. */
function staleBuild(root: string): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no production build in .next";
  const built = statSync(buildId).mtimeMs;
  const changed = SOURCES.find((s) => newestMtime(path.join(root, s)) > built);
  return changed ? `${changed}/ changed since the last build` : null;
}

function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code ?? signal}`))));
  });
}

/**
 * A copy of the build (without its caches) beside symlinks to what `next start` reads at run time,
 * so a rebuild of .next by someone else can't swap the server's files mid-run.
 */
function snapshotBuild(root: string, dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const skip = new Set(["cache", "dev", "trace", "trace-build"]);
  cpSync(path.join(root, ".next"), path.join(dir, ".next"), { recursive: true, verbatimSymlinks: true, filter: (src) => !skip.has(path.relative(path.join(root, ".next"), src)) });
  for (const f of ["node_modules", "package.json", "next.config.ts", "public"]) symlinkSync(path.join(root, f), path.join(dir, f));
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface AppProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startApp(o: { root: string; dir: string; env: NodeJS.ProcessEnv; logFile: string; readyTimeoutMs?: number }): Promise<AppProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(o.logFile);
  const child: ChildProcess = spawn(path.join(o.root, "node_modules/.bin/next"), ["start", o.dir, "-p", String(port), "-H", "127.0.0.1"], {
    cwd: o.dir,
    env: o.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const pid = child.pid!;

  const stop = async () => {
    if (exited) return;
    const kill = (sig: NodeJS.Signals) => {
      try {
        process.kill(-pid, sig); // the whole group: next start and its workers
      } catch {
        /* already gone */
      }
    };
    kill("SIGTERM");
    const timer = setTimeout(() => kill("SIGKILL"), 10_000);
    await exit;
    clearTimeout(timer);
    log.end();
  };

  const deadline = Date.now() + (o.readyTimeoutMs ?? 60_000);
  while (Date.now() < deadline && !exited) {
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { url, pid, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the app did not become healthy at ${url} (log: ${o.logFile})`);
}

/**
 * The build to serve: rebuilt when `build` is true, or "auto" and the build is stale; then copied to
 * a private snapshot under bench/tmp (git-ignored). Returns the snapshot's directory.
 */
export async function prepareBuild(root: string, build: boolean | "auto", snapshotDir: string): Promise<string> {
  const stale = staleBuild(root);
  if (build === true || (build === "auto" && stale)) {
    console.log(`[load] next build (${build === true ? "--build" : stale})…`);
    await run(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  } else if (stale) {
    if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("--no-build, but there is no production build in .next");
    console.warn(`[load] --no-build: serving a build that may be stale (${stale})`);
  }
  return snapshotBuild(root, snapshotDir);
}
