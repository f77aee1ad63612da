// Serves the tests' company OpenID provider until stopped (Playwright's webServer runs it).
import { startCompanyIdp } from "../../test/idp/server";
import { APP_URL, CLIENT, IDP_PORT } from "./env";

startCompanyIdp({
  port: IDP_PORT,
  clientId: CLIENT.id,
  clientSecret: CLIENT.secret,
  redirectUris: [`${APP_URL}/api/auth/callback/oidc`],
  postLogoutRedirectUris: [`${APP_URL}/signed-out`],
}).then(
  (idp) => {
    console.log(`company IdP at ${idp.issuer}`);
    const stop = () => void idp.close().then(() => process.exit(0));
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  },
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
