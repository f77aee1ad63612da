import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { DemoBanner } from "@/components/shell/demo-banner";
import { ZoneProvider } from "@/components/time/zone-context";
import { ZoneSync } from "@/components/time/zone-sync";
import { signOut } from "@/server/auth/config";
import { signOutDestination } from "@/server/auth/logout";
import { currentActor } from "@/server/auth/session";
import { viewerZone } from "@/server/auth/viewer-zone";
import { env } from "@/server/env";
import { navFor } from "./nav";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");

  async function signOutAction() {
    "use server";
    // The IdP's end-session URL needs the session's ID token, which revoking the session forgets.
    const destination = await signOutDestination();
    await signOut({ redirect: false });
    redirect(destination);
  }

  return (
    <ZoneProvider value={await viewerZone()}>
      <ZoneSync />
      {env().RIGSHARE_DEMO_IDP === "1" && <DemoBanner />}
      <AppShell
        user={{ name: actor.name, email: actor.email, teamName: actor.teamName, roles: actor.roles }}
        nav={navFor(actor.roles)}
        demo={env().RIGSHARE_DEMO_IDP === "1"}
        signOut={signOutAction}
      >
        {children}
      </AppShell>
    </ZoneProvider>
  );
}
