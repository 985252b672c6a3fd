// A PGlite (Postgres compiled to WebAssembly) served over the Postgres wire protocol, so the app,
// migrations, seed and psql all connect with an ordinary postgres:// URL while one process owns the
// data directory.
//
// Unclean stops: a kill -9 leaves PGlite's `postmaster.pid` (always pid -42, the WebAssembly
// process) and, if it hit a first-time initdb, a half-written directory; other projects report both
// ending in `Aborted()` on the next open. Worse, `tsx` runs scripts in a child process, so kill -9 of
// the tsx wrapper leaves an orphan still holding the directory and port, and PGlite itself takes no
// lock: a second opener succeeds and the two corrupt the data (measured). So: an owner-pid lock file
// beside the directory (stale when that pid is gone), first-time init in a scratch directory renamed
// into place, stale postmaster.pid removed under our lock, and an optional exit when orphaned.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { serveOverWire, type WireServer } from "@/lib/db/pglite-wire-server";

export type EmbeddedPostgresOptions = {
  /** Where the data lives; ignored with `memory`. */
  dataDir?: string;
  /** Keep the data in memory only (tests, scratch shadow databases). */
  memory?: boolean;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Stop on SIGINT/SIGTERM, then let the signal end the process if nobody else listens for it. */
  handleSignals?: boolean;
  /** Stop and exit when the parent process dies (e.g. the tsx wrapper was killed with -9). */
  exitWithParent?: boolean;
  /** A client idle inside a transaction this long is disconnected while other clients wait. */
  idleInTransactionTimeoutMs?: number;
};

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM"];

let freshClusterTarball: Promise<Blob> | undefined;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const { memory = false, host = "127.0.0.1", port = 54329 } = options;
  const dataDir = memory ? null : path.resolve(options.dataDir ?? ".data/pglite");
  const releaseLock = dataDir ? await claimDataDir(dataDir) : () => {};
  let db: PGlite | undefined;
  try {
    db = dataDir ? await PGlite.create({ dataDir }) : await openInMemory();
    let server: EmbeddedPostgres | undefined;
    const onFatal = (error: unknown) => {
      console.error("Embedded Postgres failed and is stopping:", error);
      void server?.stop();
    };
    const wire = await listen(db, { ...options, host, port, onFatal });
    server = superviseServer(db, wire, { ...options, host }, releaseLock);
    return server;
  } catch (error) {
    await closeQuietly(db);
    releaseLock();
    throw error;
  }
}

// initdb costs 1.5–3 s; loading a tarball of a fresh cluster costs about 0.4 s, which adds up over
// the throwaway databases tests and migration:create make. The first one pays for both.
async function openInMemory(): Promise<PGlite> {
  freshClusterTarball ??= (async () => {
    const fresh = await PGlite.create();
    try {
      return await fresh.dumpDataDir("none");
    } finally {
      await fresh.close();
    }
  })();
  return PGlite.create({ loadDataDir: await freshClusterTarball });
}

type ListenOptions = EmbeddedPostgresOptions & { host: string; port: number; onFatal: (error: unknown) => void };

async function listen(db: PGlite, options: ListenOptions): Promise<WireServer> {
  try {
    return await serveOverWire(db, {
      host: options.host,
      port: options.port,
      idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs,
      onFatal: options.onFatal,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    throw new Error(
      `Port ${options.port} on ${options.host} is already in use (another embedded Postgres?). Stop it or choose another port.`,
    );
  }
}

function superviseServer(
  db: PGlite,
  wire: WireServer,
  options: EmbeddedPostgresOptions & { host: string },
  releaseLock: () => void,
): EmbeddedPostgres {
  const detachers: Array<() => void> = [];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      for (const detach of detachers) detach();
      await wire.close();
      await closeQuietly(db);
      releaseLock();
    })());
  process.once("exit", releaseLock);
  detachers.push(() => process.off("exit", releaseLock));
  if (options.handleSignals ?? true) detachers.push(stopOnSignals(stop));
  if (options.exitWithParent) detachers.push(exitWithParent(stop));
  return { url: `postgresql://postgres@${options.host}:${wire.port}/postgres`, stop };
}

function stopOnSignals(stop: () => Promise<void>): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    void stop().finally(() => {
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  for (const signal of SIGNALS) process.once(signal, onSignal);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}

function exitWithParent(stop: () => Promise<void>): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    console.error(`Parent process ${parent} is gone; stopping embedded Postgres.`);
    void stop().finally(() => process.exit(1));
  }, 1000);
  timer.unref();
  return () => clearInterval(timer);
}

async function closeQuietly(db: PGlite | undefined): Promise<void> {
  if (!db || db.closed) return;
  try {
    await db.close();
  } catch (error) {
    console.error("Embedded Postgres did not close cleanly:", error);
  }
}

/** Locks the directory for this process, then makes sure it holds a complete, openable database. */
async function claimDataDir(dataDir: string): Promise<() => void> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  const releaseLock = lockDataDir(dataDir);
  try {
    removeStalePostmasterPid(dataDir);
    quarantineIncompleteDataDir(dataDir);
    if (!isCompleteDataDir(dataDir)) await initializeDataDir(dataDir);
    return releaseLock;
  } catch (error) {
    releaseLock();
    throw error;
  }
}

function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockPath, `${process.pid}\n`, { flag: "wx" });
      return () => releaseLockFile(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readLockOwner(lockPath);
    if (owner !== null && isProcessAlive(owner)) {
      throw new Error(
        `${dataDir} is in use by process ${owner}${owner === process.pid ? " (this process)" : ""}. ` +
          `Stop it (kill ${owner}) or point at another data directory; if that pid is not Postgres, delete ${lockPath}.`,
      );
    }
    rmSync(lockPath, { force: true });
  }
  throw new Error(`Could not lock ${dataDir}: another process keeps claiming it.`);
}

function releaseLockFile(lockPath: string): void {
  if (readLockOwner(lockPath) === process.pid) rmSync(lockPath, { force: true });
}

function readLockOwner(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

// A killed process whose parent has not reaped it yet still answers kill(pid, 0).
function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

// Under our lock no PGlite has the directory open, so its postmaster.pid is left from a crash.
function removeStalePostmasterPid(dataDir: string): void {
  rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
}

function isCompleteDataDir(dataDir: string): boolean {
  return existsSync(path.join(dataDir, "PG_VERSION")) && existsSync(path.join(dataDir, "global", "pg_control"));
}

function quarantineIncompleteDataDir(dataDir: string): void {
  if (!existsSync(dataDir) || isCompleteDataDir(dataDir) || readdirSync(dataDir).length === 0) return;
  const aside = `${dataDir}.incomplete-${Date.now()}`;
  renameSync(dataDir, aside);
  console.warn(`${dataDir} was not a complete database (interrupted first start?); moved it to ${aside}.`);
}

// initdb writes into a scratch directory that is renamed into place only once it opened and closed
// cleanly, so an interrupted first start never leaves a half-made database under dataDir.
async function initializeDataDir(dataDir: string): Promise<void> {
  removeAbandonedInitDirs(dataDir);
  const scratch = `${dataDir}.init-${process.pid}`;
  const db = await PGlite.create({ dataDir: scratch });
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(scratch, dataDir);
}

function removeAbandonedInitDirs(dataDir: string): void {
  const prefix = `${path.basename(dataDir)}.init-`;
  for (const name of readdirSync(path.dirname(dataDir))) {
    if (name.startsWith(prefix)) rmSync(path.join(path.dirname(dataDir), name), { recursive: true, force: true });
  }
}
