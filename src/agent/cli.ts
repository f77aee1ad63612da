import { main } from "./main";

// The entry point esbuild bundles into dist/rigshare-agent.mjs.
main(process.argv.slice(2)).then((code) => process.exit(code));
