import type { Metadata } from "next";
import Link from "next/link";
import { clsx } from "clsx";
import { Inbox } from "lucide-react";
import { LocalTime } from "@/components/time/local-time";
import { NotAllowed } from "@/components/shell/not-allowed";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { api } from "@/trpc/server";
import { allowedTo } from "../../guard";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const access = await allowedTo("jobs:manage");
  if (!access.allowed) return <NotAllowed action={access.needed} />;
  const trpc = await api();
  const { demo, messages } = await trpc.background.outbox({ limit: 100 });
  if (!demo) {
    return (
      <>
        <PageHeader title="Outbox" />
        <Card><EmptyState icon={Inbox} title="Only in demo mode" description="With a real SMTP server (SMTP_URL) e-mail leaves the portal; read it in the recipients' mailboxes." /></Card>
      </>
    );
  }
  const selectedId = (await searchParams).id;
  const selected = messages.find((m) => m.id === selectedId) ?? messages[0];
  return (
    <>
      <PageHeader title="Outbox" description="Demo mode: the portal's e-mails land in a built-in mail catcher (a real SMTP server on this machine) instead of anyone's mailbox." />
      {messages.length === 0 ? (
        <Card><EmptyState icon={Inbox} title="No e-mail yet" description="Request a slice as a member, or decide one as an admin: the e-mails it sends appear here within seconds." /></Card>
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-3">
          <Card className="min-w-0">
            <CardHeader title={`${messages.length} e-mail${messages.length === 1 ? "" : "s"}`} />
            <ul aria-label="E-mails" className="divide-y divide-slate-200">
              {messages.map((m) => (
                <li key={m.id}>
                  <Link href={`/admin/outbox?id=${m.id}`} aria-current={m.id === selected?.id ? "true" : undefined} className={clsx("block px-5 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600", m.id === selected?.id && "bg-indigo-50")}>
                    <div className="truncate text-sm font-medium text-slate-900">{m.subject}</div>
                    <div className="truncate text-xs text-slate-600">To {m.to} · <LocalTime at={m.receivedAt} /></div>
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
          {selected && (
            <Card className="min-w-0 lg:col-span-2">
              <CardHeader title={selected.subject} description={<>From {selected.from} to {selected.to}, <LocalTime at={selected.receivedAt} /></>} />
              <CardBody className="space-y-4">
                {selected.html && (
                  <iframe title={`HTML of “${selected.subject}”`} sandbox="" srcDoc={selected.html} className="h-80 w-full rounded-md border border-slate-200 bg-white" />
                )}
                <details open>
                  <summary className="cursor-pointer text-sm font-medium text-slate-700">Plain text</summary>
                  <pre className="mt-2 overflow-x-auto rounded-md bg-slate-50 p-3 text-xs whitespace-pre-wrap text-slate-800">{selected.text}</pre>
                </details>
              </CardBody>
            </Card>
          )}
        </div>
      )}
    </>
  );
}
