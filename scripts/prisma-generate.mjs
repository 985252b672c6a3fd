// Runs `prisma generate` without the native schema engine, which cannot be downloaded on an
// offline machine. `generate` never uses that engine, but the CLI checks that the file exists,
// so we point it at a file that does. See README "Migrations offline".
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const res = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
process.exit(res.status ?? 1);
