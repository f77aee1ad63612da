import { build } from "esbuild";

/** One file that runs on plain Node 20: `node dist/rigshare-agent.mjs`. */
build({
  entryPoints: ["src/agent/cli.ts"],
  outfile: "dist/rigshare-agent.mjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  minify: false,
  sourcemap: false,
  legalComments: "none",
  tsconfig: "tsconfig.json",
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __rigshareRequire } from 'node:module'; const require = __rigshareRequire(import.meta.url);" },
  logLevel: "info",
}).catch(() => process.exit(1));
