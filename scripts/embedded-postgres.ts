// Serves the embedded PostgreSQL (PGlite) on its own until SIGINT/SIGTERM; prints the URL on stdout.
//   tsx scripts/embedded-postgres.ts [--data-dir .data/pglite] [--port 54329] [--host 127.0.0.1]
import { parseArgs } from "node:util";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "data-dir": { type: "string", default: ".data/pglite" },
      port: { type: "string", default: "54329" },
      host: { type: "string", default: "127.0.0.1" },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Invalid --port ${values.port}`);
  const started = Date.now();
  const { url } = await startEmbeddedPostgres({
    dataDir: values["data-dir"],
    port,
    host: values.host,
    exitWithParent: true,
  });
  console.error(`Embedded PostgreSQL (PGlite) on ${values["data-dir"]}, ready in ${Date.now() - started} ms. Ctrl-C stops it.`);
  console.log(url);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
