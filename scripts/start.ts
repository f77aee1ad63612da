// The one command that serves Rigshare: (`--build`: the production build,) database (given or
// embedded), migrations, sign-in (given IdP or the embedded demo one, with demo data unless
// `--no-demo-data` or RIGSHARE_DEMO_DATA=0), then the Next.js server. `--dev` runs `next dev` instead.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pino from "pino";
import { startDemoAgents } from "@/agent/demo/simulate";
import { DEMO_GROUPS } from "@/server/auth/demo-idp/accounts";
import { startDemoIdp } from "@/server/auth/demo-idp/server";
import { startEmbeddedPostgres } from "@/server/platform/embedded";
import { superviseEmbeddedPostgres } from "@/server/platform/embedded-supervisor";
import { migrate } from "@/server/platform/migrate";
import { serverNodeOptions } from "@/server/platform/server-node-options";
import { prepareData } from "@seed/first-start";
import { EnvError, parseEnv } from "@/server/env";
import { copyVendorAssets } from "./lib/vendor-assets";
import { startNotificationServices } from "@/server/jobs/launch";

const dev = process.argv.includes("--dev");
const build = process.argv.includes("--build");
const noDemoData = process.argv.includes("--no-demo-data");
const log = pino({ base: { app: "rigshare-launcher" }, level: process.env.LOG_LEVEL ?? "info" });
const cleanups: (() => Promise<void>)[] = [];

async function cleanup() {
  for (const stop of cleanups.reverse()) await stop().catch((err) => log.error({ err }, "cleanup failed"));
}

/** Demo secrets are generated once and kept in the data folder so sessions survive restarts. */
function demoSecrets(dataDir: string): { authSecret: string; clientSecret: string } {
  const file = join(dataDir, "demo-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = { authSecret: randomBytes(32).toString("base64url"), clientSecret: randomBytes(24).toString("base64url") };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

async function main() {
  const config = parseEnv(process.env);
  copyVendorAssets();
  if (build && !dev) {
    const result = spawnSync(join(process.cwd(), "node_modules", ".bin", "next"), ["build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (result.status !== 0) throw new Error("next build failed");
  }
  const dataDir = resolve(config.RIGSHARE_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres({ dataDir, port: config.RIGSHARE_PG_PORT, log });
    // A server this launcher started is restarted whenever it dies, for as long as the portal runs.
    cleanups.push(pg.owned ? superviseEmbeddedPostgres(pg, { dataDir, port: config.RIGSHARE_PG_PORT, log }).stop : pg.stop);
    databaseUrl = pg.url;
    log.info({ owned: pg.owned }, pg.owned ? "embedded PostgreSQL started" : "embedded PostgreSQL already running; reusing it");
  }
  const { applied } = await migrate(databaseUrl, log);
  log.info({ applied }, applied.length ? "migrations applied" : "database schema up to date");

  const appEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" };
  if (!config.OIDC_ISSUER) {
    const secrets = demoSecrets(dataDir);
    const clientId = "rigshare-demo";
    const idp = await startDemoIdp({
      port: config.DEMO_IDP_PORT,
      clientId,
      clientSecret: secrets.clientSecret,
      redirectUris: [new URL("/api/auth/callback/oidc", config.AUTH_URL).href],
      postLogoutRedirectUris: [new URL("/signed-out", config.AUTH_URL).href],
      log,
    });
    cleanups.push(idp.close);
    Object.assign(appEnv, {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: secrets.clientSecret,
      OIDC_PROVIDER_NAME: "Demo SSO",
      OIDC_SCOPES: "openid email profile groups",
      OIDC_ADMIN_GROUPS: DEMO_GROUPS.admin,
      OIDC_LEADERSHIP_GROUPS: DEMO_GROUPS.leadership,
      AUTH_SECRET: config.AUTH_SECRET ?? secrets.authSecret,
      RIGSHARE_DEMO_IDP: "1",
    });
    log.warn({ issuer: idp.issuer }, "DEMO MODE: sign-in uses the built-in demo identity provider. Set OIDC_ISSUER for real SSO.");
  }
  const demoData = !config.OIDC_ISSUER && !noDemoData && config.RIGSHARE_DEMO_DATA === "1";
  log.info(await prepareData(databaseUrl, { demoData, now: new Date() }), demoData ? "demo data ready" : "data ready (no demo data)");
  cleanups.push(await startNotificationServices({ databaseUrl, appEnv, demo: !config.OIDC_ISSUER, log }));
  parseEnv(appEnv);

  const nextBin = join(process.cwd(), "node_modules", ".bin", "next");
  const serverEnv = { ...appEnv, NODE_OPTIONS: serverNodeOptions(appEnv.NODE_OPTIONS) };
  const server = spawn(nextBin, [dev ? "dev" : "start", "--port", String(config.PORT)], { env: serverEnv, stdio: "inherit" });
  log.info({ url: config.AUTH_URL }, "Rigshare is starting");
  const stopDemoAgents = config.OIDC_ISSUER ? undefined : startDemoAgents({ portalUrl: config.AUTH_URL, databaseUrl, dataDir, log });
  if (stopDemoAgents) cleanups.push(stopDemoAgents);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // Ctrl-C reaches the launcher twice (from the terminal and through npm): one stop is enough.
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping");
    // The demo agents keep calling the server, which waits for open requests before it exits: stop them first.
    void (stopDemoAgents?.() ?? Promise.resolve()).finally(() => server.kill(signal));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", async (code, signal) => {
    await cleanup();
    process.exit(code ?? (signal ? 0 : 1));
  });
}

main().catch(async (error) => {
  if (error instanceof EnvError) console.error(error.message);
  else log.fatal({ err: error }, "Rigshare could not start");
  await cleanup();
  process.exit(1);
});
