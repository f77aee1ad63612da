import { test as setup } from "@playwright/test";
import { ACCOUNTS, expectSignedInAs, signInAs } from "./sign-in";

for (const [role, account] of Object.entries(ACCOUNTS)) {
  setup(`sign in as ${role} through the demo OpenID provider`, async ({ page }) => {
    await signInAs(page, account.name);
    await expectSignedInAs(page, account.name);
    await page.context().storageState({ path: account.file });
  });
}
