import { Gpu } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import type { RoleName } from "@/components/ui/badge";
import { NavLinks, type NavItem } from "./nav-links";
import { NotificationBell } from "./notification-bell";
import { UserMenu } from "./user-menu";

export type AppShellProps = {
  user: { name: string; email: string; teamName: string; roles: RoleName[] };
  nav: NavItem[];
  /** Signed in through the built-in demo identity provider (the user menu says so). */
  demo: boolean;
  /** A server action. */
  signOut: () => Promise<void>;
  children: ReactNode;
};

/** The frame of every signed-in page: skip link, top bar (home, main nav, user menu) and the main landmark. */
export function AppShell({ user, nav, demo, signOut, children }: AppShellProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only rounded-lg bg-indigo-600 px-4 py-2 text-sm font-medium text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-100"
      >
        Skip to content
      </a>
      <header className="relative border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:px-6 md:gap-8 lg:px-8">
          <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md text-base font-semibold tracking-tight text-slate-900">
            <span aria-hidden="true" className="flex size-7 items-center justify-center rounded-md bg-indigo-600 text-white">
              <Gpu className="size-4" />
            </span>
            Rigshare
          </Link>
          <NavLinks items={nav} />
          <div className={nav.length === 0 ? "ml-auto flex items-center gap-2" : "flex items-center gap-2"}>
            <NotificationBell />
            <UserMenu user={user} demo={demo} signOut={signOut} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 outline-none sm:px-6 lg:px-8">
        {children}
      </main>
    </div>
  );
}
