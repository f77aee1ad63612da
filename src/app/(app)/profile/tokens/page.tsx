import type { Metadata } from "next";
import { KeyRound } from "lucide-react";
import { can } from "@/core/permissions";
import { LocalTime } from "@/components/time/local-time";
import { NotAllowed } from "@/components/shell/not-allowed";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { SectionCard } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { ACTIONS, HeadRow, Table, TBody, Td, Tr } from "@/components/ui/table";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";
import { CreateTokenForm, RevokeTokenButton } from "./token-forms";

export const metadata: Metadata = { title: "API tokens" };

type TokenStatus = { label: string; tone: BadgeTone };

function statusOf(token: { expiresAt: Date; revokedAt: Date | null }, now: Date): TokenStatus {
  if (token.revokedAt) return { label: "Revoked", tone: "neutral" };
  if (token.expiresAt <= now) return { label: "Expired", tone: "warning" };
  return { label: "Active", tone: "success" };
}

export default async function TokensPage() {
  const access = await allowedTo("tokens:read");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const trpc = await api();
  const tokens = await trpc.tokens.list();
  const now = new Date();

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Personal tokens let scripts and the command line use the REST API as you, with your roles. Give each a name, the least scope it needs and an expiry; revoke it when it is no longer used."
        actions={<ButtonLink href="/api-docs" variant="secondary">API documentation</ButtonLink>}
      />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        {/* min-w-0: a grid item may otherwise grow to its widest content (the tokens table) on a phone. */}
        <SectionCard className="min-w-0" title="Create a token" description="It is shown once, right after you create it.">
          <CreateTokenForm canWrite={can(access.actor.roles, "tokens:manage")} />
        </SectionCard>
        <SectionCard className="min-w-0 lg:col-span-2" title="Your tokens" description="Only the first characters of a token are kept visible, to tell them apart.">
          {tokens.length === 0 ? (
            <EmptyState icon={KeyRound} headingLevel={3} title="No tokens yet" description="Create one to call the REST API from a script, a notebook or `npx rigshare`." />
          ) : (
            <Table caption="Your API tokens">
              <HeadRow columns={["Name", "Scope", "Last used", "Expires", "Status", ACTIONS]} />
              <TBody>
                {tokens.map((token) => {
                  const status = statusOf(token, now);
                  return (
                    <Tr key={token.id}>
                      <Td>
                        <div className="font-medium text-slate-900">{token.name}</div>
                        <div className="font-mono text-xs text-slate-600">{token.prefix}…</div>
                      </Td>
                      <Td>
                        <Badge tone={token.scope === "write" ? "info" : "neutral"}>{token.scope === "write" ? "Read and write" : "Read only"}</Badge>
                      </Td>
                      <Td className="whitespace-nowrap">{token.lastUsedAt ? <LocalTime at={token.lastUsedAt} /> : "Never"}</Td>
                      <Td className="whitespace-nowrap"><LocalTime at={token.expiresAt} /></Td>
                      <Td>
                        <Badge tone={status.tone}>{status.label}</Badge>
                        {token.revokedAt && <div className="mt-1 text-xs whitespace-nowrap text-slate-600"><LocalTime at={token.revokedAt} /></div>}
                      </Td>
                      <Td className="text-right">{status.label === "Active" && <RevokeTokenButton token={{ id: token.id, name: token.name }} />}</Td>
                    </Tr>
                  );
                })}
              </TBody>
            </Table>
          )}
        </SectionCard>
      </div>
    </>
  );
}
