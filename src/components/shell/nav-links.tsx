"use client";

import { clsx } from "clsx";
import { Menu, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef, useState, type KeyboardEvent } from "react";

export type NavItem = { href: string; label: string };

/**
 * Which item the current page belongs to: the longest href the path starts with, else the item
 * in the same top-level section (so /admin/teams lights up an "Admin" item linking to /admin/users).
 */
export function activeNavHref(pathname: string, items: readonly NavItem[]): string | undefined {
  const within = (href: string) => pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
  const exact = items.filter((item) => within(item.href)).sort((a, b) => b.href.length - a.href.length)[0];
  if (exact) return exact.href;
  const section = (path: string) => path.split("/")[1] ?? "";
  return pathname === "/" ? undefined : items.find((item) => section(item.href) !== "" && section(item.href) === section(pathname))?.href;
}

/** The main navigation: a row of links on wide screens, a menu button with a drop-down list on small ones. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const active = activeNavHref(pathname, items);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && open) {
      setOpen(false);
      toggle.current?.focus();
    }
  }

  if (items.length === 0) return null;

  return (
    <nav aria-label="Main" className="flex flex-1 justify-end md:justify-start" onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex size-9 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100 hover:text-slate-900 md:hidden"
      >
        {open ? <X aria-hidden="true" className="size-5" /> : <Menu aria-hidden="true" className="size-5" />}
        <span className="sr-only">Menu</span>
      </button>
      <ul
        id={listId}
        className={clsx(
          open ? "flex" : "hidden",
          "absolute inset-x-0 top-full z-40 flex-col gap-1 border-b border-slate-200 bg-white p-3 shadow-md",
          "md:static md:flex md:flex-row md:items-center md:gap-1 md:border-0 md:bg-transparent md:p-0 md:shadow-none",
        )}
      >
        {items.map((item) => {
          const current = item.href === active;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                onClick={() => setOpen(false)}
                className={clsx(
                  "block rounded-md px-3 py-2 text-sm font-medium transition-colors",
                  current ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
