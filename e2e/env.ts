import { tmpdir } from "node:os";
import { join } from "node:path";

/** The e2e server runs on its own ports and a throwaway data folder, beside any dev server. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = process.env.E2E_DATA_DIR ?? join(tmpdir(), `rigshare-e2e-${process.pid}`);
/** Runs every spec with the browser in this IANA zone (e.g. Europe/Berlin), to catch times shown or read in the wrong one. */
export const E2E_TIMEZONE = process.env.E2E_TIMEZONE || undefined;
