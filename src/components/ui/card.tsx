import { clsx } from "clsx";
import type { ComponentProps, ReactNode } from "react";

export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div className={clsx("rounded-lg border border-slate-200 bg-white shadow-xs", className)} {...props} />;
}

export function CardHeader({
  title,
  description,
  actions,
  headingLevel = 2,
  className,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Card titles sit under the page's h1, so h2 unless the card is nested in another section. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={clsx("flex flex-wrap items-start justify-between gap-x-4 gap-y-2 border-b border-slate-200 px-5 py-4", className)}>
      <div className="min-w-0">
        <Heading className="text-base font-semibold text-slate-900">{title}</Heading>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
    </div>
  );
}

export function CardBody({ className, ...props }: ComponentProps<"div">) {
  return <div className={clsx("px-5 py-4", className)} {...props} />;
}

type HeaderProps = Parameters<typeof CardHeader>[0];

/** The usual section of a page: a card with its header, and the children as its body. */
export function SectionCard({ title, description, actions, headingLevel, children, ...props }: Omit<ComponentProps<"div">, "title"> & Omit<HeaderProps, "className">) {
  return (
    <Card {...props}>
      <CardHeader title={title} description={description} actions={actions} headingLevel={headingLevel} />
      <CardBody>{children}</CardBody>
    </Card>
  );
}
