import { join } from "node:path";
import { COMPANY_GROUPS, COMPANY_TEAM_GROUPS } from "../../test/idp/accounts";
import { E2E_DATA_DIR, E2E_PORT } from "../env";

/**
 * The company-IdP run: an independent OpenID provider and a Rigshare started against it with no
 * demo data, on ports of their own (E2E_PORT + 20 …) beside the demo run.
 */
export const IDP_PORT = E2E_PORT + 20;
export const APP_PORT = E2E_PORT + 21;
export const PG_PORT = E2E_PORT + 22;
export const IDP_ISSUER = `http://127.0.0.1:${IDP_PORT}`;
export const APP_URL = `http://localhost:${APP_PORT}`;
export const DATA_DIR = join(E2E_DATA_DIR, "company-idp");
export const CLIENT = { id: "rigshare-corp", secret: "corp-client-secret-for-the-e2e-run" };

/** The portal's configuration as a company admin would write it (see README, "Company IdP"). */
export const APP_ENV = {
  PORT: String(APP_PORT),
  AUTH_URL: APP_URL,
  AUTH_SECRET: "an-e2e-auth-secret-that-is-long-enough-0123456789",
  OIDC_ISSUER: IDP_ISSUER,
  OIDC_CLIENT_ID: CLIENT.id,
  OIDC_CLIENT_SECRET: CLIENT.secret,
  OIDC_PROVIDER_NAME: "Corp SSO",
  OIDC_SCOPES: "openid email profile groups",
  OIDC_ADMIN_GROUPS: COMPANY_GROUPS.admin,
  OIDC_LEADERSHIP_GROUPS: COMPANY_GROUPS.leadership,
  OIDC_TEAM_GROUPS: COMPANY_TEAM_GROUPS,
  RIGSHARE_PG_PORT: String(PG_PORT),
  RIGSHARE_DATA_DIR: DATA_DIR,
  LOG_LEVEL: "warn",
};
