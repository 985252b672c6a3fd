// Serves one PGlite to many Postgres wire-protocol clients.
//
// PGlite is a single Postgres backend: one session, one unnamed statement, one transaction.
// @electric-sql/pglite-socket 0.2.17 accepts one client by default ("Too many connections" for the
// next); with `maxConnections > 1` it interleaves clients message by message, so one client's
// Parse/Bind/Execute lands between another's and pooled `pg` clients get "portal does not exist",
// wrong parameter counts, and stalls (measured: 94 of 200 concurrent pool queries failed).
// Here a client owns the session from its first message until the backend reports ReadyForQuery
// "idle", so an extended-protocol exchange or a transaction is never split; other clients queue.
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const TERMINATE = 0x58; // 'X'
const MAX_MESSAGE_BYTES = 1 << 30;
const READY_FOR_QUERY_IDLE = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]); // 'Z', length 5, 'I'
const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

export type WireServerOptions = {
  host: string;
  port: number;
  /** A client idle inside a transaction this long is disconnected, but only while others wait. */
  idleInTransactionTimeoutMs?: number;
  /** PGlite itself failed (WebAssembly abort): the database is unusable. */
  onFatal?: (error: unknown) => void;
};

export type WireServer = { port: number; close: () => Promise<void> };

type Work = { kind: "execute"; bytes: Buffer } | { kind: "terminate" };

class SessionLock {
  owner: ClientConnection | null = null;
  private waiters: Array<{ client: ClientConnection; grant: () => void }> = [];

  get contended(): boolean {
    return this.waiters.length > 0;
  }

  acquire(client: ClientConnection): Promise<void> {
    if (this.owner === client) return Promise.resolve();
    if (!this.owner) {
      this.owner = client;
      return Promise.resolve();
    }
    return new Promise((grant) => this.waiters.push({ client, grant }));
  }

  release(client: ClientConnection): void {
    if (this.owner !== client) return;
    const next = this.waiters.shift();
    this.owner = next?.client ?? null;
    next?.grant();
  }
}

class ClientConnection {
  private pending = Buffer.alloc(0);
  private started = false;
  private closed = false;
  private pumping = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: net.Socket,
    private readonly db: PGlite,
    private readonly lock: SessionLock,
    private readonly options: WireServerOptions,
  ) {
    socket.setNoDelay(true);
    socket.on("data", (chunk) => {
      this.pending = Buffer.concat([this.pending, chunk]);
      void this.pump();
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      this.closed = true;
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let work = this.takeWork(); work && !this.closed; work = this.takeWork()) {
        if (work.kind === "terminate") this.socket.end();
        else await this.execute(work.bytes);
      }
    } catch (error) {
      this.socket.destroy();
      if (isPgliteFailure(error)) this.options.onFatal?.(error);
    } finally {
      if (this.closed || this.socket.destroyed) await this.abandonSession();
      this.pumping = false;
    }
  }

  // Splits buffered bytes into the next unit to run. Regular messages are batched so a client's
  // Parse..Sync reaches the backend in one call.
  private takeWork(): Work | null {
    if (!this.started) return this.takeStartup();
    let end = 0;
    while (this.pending.length - end >= 5) {
      const length = this.pending.readInt32BE(end + 1);
      if (length < 4 || length > MAX_MESSAGE_BYTES) throw new Error("malformed message");
      if (this.pending[end] === TERMINATE) {
        if (end > 0) break;
        this.pending = Buffer.alloc(0);
        return { kind: "terminate" };
      }
      if (this.pending.length - end < 1 + length) break;
      end += 1 + length;
    }
    if (end === 0) return null;
    const bytes = this.pending.subarray(0, end);
    this.pending = this.pending.subarray(end);
    return { kind: "execute", bytes };
  }

  private takeStartup(): Work | null {
    if (this.pending.length < 8) return null;
    const length = this.pending.readInt32BE(0);
    if (length < 8 || length > 10_000) throw new Error("malformed startup packet");
    if (this.pending.length < length) return null;
    const code = this.pending.readInt32BE(4);
    const packet = this.pending.subarray(0, length);
    this.pending = this.pending.subarray(length);
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
      this.socket.write("N");
      return this.takeWork();
    }
    // PGlite has no second backend to interrupt, so a cancel request just ends its connection.
    if (code === CANCEL_REQUEST) return { kind: "terminate" };
    this.started = true;
    return { kind: "execute", bytes: packet };
  }

  private async execute(bytes: Buffer): Promise<void> {
    clearTimeout(this.idleTimer);
    await this.lock.acquire(this);
    if (this.closed) return;
    let tail = Buffer.alloc(0);
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(new Uint8Array(bytes), {
        onRawData: (data) => {
          const copy = Buffer.from(data);
          if (!this.socket.destroyed) this.socket.write(copy);
          tail = Buffer.concat([tail, copy.subarray(-READY_FOR_QUERY_IDLE.length)]).subarray(-READY_FOR_QUERY_IDLE.length);
        },
      }),
    );
    if (tail.equals(READY_FOR_QUERY_IDLE)) this.lock.release(this);
    else this.armIdleTimer();
  }

  private armIdleTimer(): void {
    const timeoutMs = this.options.idleInTransactionTimeoutMs ?? 30_000;
    this.idleTimer = setTimeout(() => {
      if (this.lock.contended) this.socket.destroy();
      else this.armIdleTimer();
    }, timeoutMs);
    this.idleTimer.unref();
  }

  // A client that vanished mid-exchange or mid-transaction must not leave its state to the next.
  private async abandonSession(): Promise<void> {
    clearTimeout(this.idleTimer);
    if (this.lock.owner !== this) return;
    try {
      await this.db.runExclusive(() => this.resetSession());
    } catch (error) {
      if (isPgliteFailure(error)) this.options.onFatal?.(error);
    } finally {
      this.lock.release(this);
    }
  }

  private async resetSession(): Promise<void> {
    // Closing PGlite ends the session anyway (the server is shutting down).
    if (!this.db.ready) return;
    await this.db.execProtocolRaw(new Uint8Array(SYNC));
    if (this.db.isInTransaction()) await this.db.execProtocolRaw(new Uint8Array(simpleQuery("ROLLBACK")));
  }
}

function simpleQuery(sql: string): Buffer {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const header = Buffer.alloc(5);
  header.write("Q", 0, "ascii");
  header.writeInt32BE(4 + text.length, 1);
  return Buffer.concat([header, text]);
}

function isPgliteFailure(error: unknown): boolean {
  return error instanceof WebAssembly.RuntimeError || (error as { name?: string })?.name === "ExitStatus";
}

export async function serveOverWire(db: PGlite, options: WireServerOptions): Promise<WireServer> {
  const lock = new SessionLock();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    new ClientConnection(socket, db, lock, options);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as net.AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return { port: address.port, close };
}
