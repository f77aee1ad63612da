// Regenerates the REST API's TypeScript types (src/cli/api/types.gen.ts) from its OpenAPI document.
import { writeFileSync } from "node:fs";
import { API_TYPES_FILE, renderApiTypes } from "./lib/api-types";

renderApiTypes().then(
  (source) => {
    writeFileSync(API_TYPES_FILE, source);
    console.log(`wrote ${API_TYPES_FILE}`);
  },
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
