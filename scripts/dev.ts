// npm run dev [-- --port 3000]   (npm start = the same with --prod: serves the production build)
// Runs the app with embedded defaults for whatever isn't configured: with no DATABASE_URL it serves
// an embedded PostgreSQL (PGlite, data in .data/pglite) on 127.0.0.1:54329, applies the migrations,
// seeds the demo school, and generates an AUTH_SECRET into .data/ once.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { port: { type: "string", default: "3000" }, prod: { type: "boolean", default: false } } });
for (const file of [".env.local", ".env"]) if (existsSync(file)) process.loadEnvFile(file);

function authSecret(): string {
  const file = ".data/auth-secret";
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("hex");
  mkdirSync(".data", { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be a port number (got "${values.port}")`);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  let stopDb: (() => Promise<void>) | null = null;

  if (!process.env.DATABASE_URL) {
    const { startEmbeddedPostgres } = await import("@/lib/db/embedded-postgres");
    console.log("[dev] No DATABASE_URL: starting the embedded PostgreSQL (PGlite, data in .data/pglite)…");
    const db = await startEmbeddedPostgres({ dataDir: ".data/pglite", port: 54329, handleSignals: false, exitWithParent: true });
    stopDb = db.stop;
    childEnv.DATABASE_URL = db.url;
    process.env.DATABASE_URL = db.url;
  }
  if (!process.env.AUTH_SECRET) {
    if (values.prod && process.env.NODE_ENV === "production") throw new Error("AUTH_SECRET must be set in production.");
    childEnv.AUTH_SECRET = authSecret();
  }

  const { migrate } = await import("./db-migrate");
  await migrate(childEnv.DATABASE_URL!);
  const [{ createPrisma }, { seedDemo }, { env }] = await Promise.all([import("@/lib/db/client"), import("@/lib/db/seed-demo"), import("@/lib/env")]);
  const prisma = createPrisma(childEnv.DATABASE_URL!, 2);
  const seeded = await seedDemo(prisma, { students: 60, classes: 3, password: env.SEED_PASSWORD });
  await prisma.$disconnect();
  console.log(`[dev] Demo school ready (${seeded.students} students). Sign in as admin@demo.test, teacher1@demo.test or student001@demo.test with password "${env.SEED_PASSWORD}".`);
  if (!env.REDIS_URL && !env.UPSTASH_REDIS_REST_URL) console.log("[dev] No REDIS_URL or Upstash: using the embedded in-process store.");
  if (!env.ANTHROPIC_API_KEY) console.log("[dev] No ANTHROPIC_API_KEY: answers come from the offline tutor (practice mode).");

  const args = values.prod ? ["start", "-p", String(port)] : ["dev", "-p", String(port)];
  const next = spawn("node_modules/.bin/next", args, { stdio: "inherit", env: childEnv });
  const shutdown = async (code: number) => {
    next.kill("SIGTERM");
    await stopDb?.();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  next.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch((err) => {
  console.error("[dev] could not start:", err instanceof Error ? err.message : err);
  process.exit(1);
});
