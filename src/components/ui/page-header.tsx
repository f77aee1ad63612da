import Link from "next/link";
import type { ReactNode } from "react";

/** The top of a page. It holds the page's only h1; `back` links to the page above it. */
export function PageHeader({ title, description, actions, back }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; back?: { href: string; label: ReactNode } }) {
  return (
    <>
      {back && <BackLink href={back.href}>{back.label}</BackLink>}
      <Header title={title} description={description} actions={actions} />
    </>
  );
}

/** The breadcrumb above a page's header: a link back to the page it belongs to. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-3 text-sm">
      <Link href={href} className="font-medium text-indigo-700 hover:underline">← {children}</Link>
    </nav>
  );
}

function Header({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description && <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}
