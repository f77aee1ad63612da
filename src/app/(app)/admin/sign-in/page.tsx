import { TriangleAlert } from "lucide-react";
import type { Metadata } from "next";
import { LocalTime } from "@/components/time/local-time";
import { NotAllowed } from "@/components/shell/not-allowed";
import { Badge, RoleBadge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { ListTable, Td, Tr } from "@/components/ui/table";
import { postLogoutRedirectUri } from "@/server/auth/logout";
import { env } from "@/server/env";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";

export const metadata: Metadata = { title: "Sign-in" };

const list = (items: readonly string[]) => (items.length ? items.join(", ") : "none");

/** What an admin setting up SSO needs: the configuration as the portal read it, and what the IdP really sent. */
export default async function SignInAdminPage() {
  const access = await allowedTo("users:manage");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const e = env();
  const signIns = await (await api()).users.recentSignIns();
  const warnings = [...new Set(signIns.flatMap((s) => s.warnings))];
  const settings: [string, string][] = [
    ["Provider (button label)", e.OIDC_PROVIDER_NAME],
    ["Issuer (OIDC_ISSUER)", e.OIDC_ISSUER ?? "not set"],
    ["Client id", e.OIDC_CLIENT_ID ?? "not set"],
    ["Scopes", e.OIDC_SCOPES],
    ["Groups claim", e.OIDC_GROUPS_CLAIM],
    ["Admin groups", list(e.OIDC_ADMIN_GROUPS)],
    ["Leadership groups", list(e.OIDC_LEADERSHIP_GROUPS)],
    ["Group → team", e.OIDC_TEAM_GROUPS.length ? e.OIDC_TEAM_GROUPS.map((t) => `${t.group} → ${t.team}`).join(", ") : "none (everyone starts in the default team)"],
    ["Default team", e.DEFAULT_TEAM],
    ["Bootstrap admins", list(e.BOOTSTRAP_ADMIN_EMAILS)],
  ];
  const uris: [string, string][] = [
    ["Redirect URI", new URL("/api/auth/callback/oidc", e.AUTH_URL).href],
    ["Post-logout redirect URI", postLogoutRedirectUri(e)],
  ];

  return (
    <>
      <PageHeader title="Sign-in" description="How the portal maps your identity provider's sign-ins to people, roles and teams. The client secret is never shown." />
      {warnings.length > 0 && (
        <section aria-labelledby="warnings-heading" className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <h2 id="warnings-heading" className="flex items-center gap-2 font-semibold">
            <TriangleAlert aria-hidden="true" className="size-4 text-amber-700" /> Recent sign-ins need attention
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {warnings.map((warning) => <li key={warning}>{warning}</li>)}
          </ul>
        </section>
      )}
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <SectionCard title="Configuration" description="As read from the environment at start-up.">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {settings.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-500">{label}</dt>
                <dd className="break-all text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </SectionCard>
        <SectionCard title="Register at the identity provider" description="The client's allowed redirect URIs.">
          <dl className="space-y-3 text-sm">
            {uris.map(([label, value]) => (
              <div key={label}>
                <dt className="font-medium text-slate-500">{label}</dt>
                <dd className="mt-1"><code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-900">{value}</code></dd>
              </div>
            ))}
          </dl>
        </SectionCard>
      </div>
      <ListTable caption="The last 20 sign-ins: claim names received (never their values or tokens), groups seen and what they mapped to" columns={["When", "Who", "Claims received", "Groups", "Mapped to"]} rows={signIns} empty={<EmptyState title="No sign-ins yet" description="Each sign-in will show here with the claims the identity provider sent and what they mapped to." />}>
        {(s) => (
          <Tr key={s.id}>
            <Td className="whitespace-nowrap"><LocalTime at={s.at} /></Td>
            <Td>
              <div className="text-slate-900">{s.email}</div>
              {s.outcome !== "signed-in" && <Badge tone="danger">Refused: {s.outcome}</Badge>}
            </Td>
            <Td className="font-mono text-xs text-slate-700">{s.claimNames.join(" ")}</Td>
            <Td>
              {s.groupsClaimPresent ? (
                s.groups.length ? <span className="font-mono text-xs">{s.groups.join(", ")}</span> : <span className="text-slate-500">empty</span>
              ) : (
                <Badge tone="warning">No {e.OIDC_GROUPS_CLAIM} claim</Badge>
              )}
            </Td>
            <Td>
              <div className="flex flex-wrap items-center gap-1">
                {s.roles.map((role) => <RoleBadge key={role} role={role} />)}
                {s.team && <span className="text-slate-700">· {s.team}</span>}
              </div>
              {s.warnings.length > 0 && <p className="mt-1 text-xs text-amber-800">{s.warnings.join(" ")}</p>}
            </Td>
          </Tr>
        )}
      </ListTable>
    </>
  );
}
