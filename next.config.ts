import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // These run only on the server and load native/wasm code or Node built-ins.
  serverExternalPackages: ["ioredis", "ioredis-mock", "pg", "@electric-sql/pglite", "bcryptjs"],
  poweredByHeader: false,
};

export default nextConfig;
