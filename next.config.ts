import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // These run only on the server and load native/wasm code or Node built-ins.
  serverExternalPackages: ["ioredis", "ioredis-mock", "pg", "@electric-sql/pglite", "bcryptjs", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
  // Next 16 writes AGENTS.md into the project on `next dev` unless told not to.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default nextConfig;
