"use client";

import { clsx } from "clsx";
import { ChevronDown, KeyRound, LogOut, UserRound } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { can } from "@/core/permissions";
import { Badge, RoleBadge, type RoleName } from "@/components/ui/badge";
import { SubmitButton } from "@/components/ui/submit-button";

export type ShellUser = { name: string; email: string; teamName: string; roles: RoleName[] };

function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((part) => part?.[0]?.toUpperCase() ?? "").join("") || "?";
}

/** A disclosure: the button toggles a panel; Escape, a click outside or tabbing away closes it. */
export function UserMenu({ user, demo, signOut }: { user: ShellUser; demo: boolean; signOut: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div
      ref={root}
      className="relative"
      onBlur={(event) => {
        if (open && event.relatedTarget && !event.currentTarget.contains(event.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="flex items-center gap-2 rounded-lg py-1 pr-1.5 pl-1 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
      >
        <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-indigo-600 text-xs font-semibold text-white">
          {initials(user.name)}
        </span>
        <span className="hidden max-w-40 truncate sm:inline">{user.name}</span>
        <span className="sr-only sm:hidden">{user.name}</span>
        <span className="sr-only">, account menu</span>
        <ChevronDown aria-hidden="true" className={clsx("size-4 text-slate-500 transition-transform", open && "rotate-180")} />
      </button>

      <div
        id={panelId}
        hidden={!open}
        className="absolute right-0 z-50 mt-2 w-72 rounded-lg border border-slate-200 bg-white shadow-lg"
      >
        <div className="border-b border-slate-200 px-4 py-3">
          <p className="truncate text-sm font-semibold text-slate-900">{user.name}</p>
          <p className="truncate text-sm text-slate-600">{user.email}</p>
          <p className="mt-2 text-xs text-slate-600">
            Team <span className="font-medium text-slate-900">{user.teamName}</span>
          </p>
          <ul aria-label="Your roles" className="mt-2 flex flex-wrap gap-1">
            {user.roles.map((role) => (
              <li key={role}>
                <RoleBadge role={role} />
              </li>
            ))}
            {demo && (
              <li>
                <Badge tone="warning">Demo account</Badge>
              </li>
            )}
          </ul>
        </div>
        <div className="p-1.5">
          <Link
            href="/profile"
            onClick={() => setOpen(false)}
            className="flex items-center gap-2 rounded-md px-2.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
          >
            <UserRound aria-hidden="true" className="size-4 text-slate-500" />
            Profile
          </Link>
          {can(user.roles, "tokens:read") && (
            <Link
              href="/profile/tokens"
              onClick={() => setOpen(false)}
              className="flex items-center gap-2 rounded-md px-2.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
            >
              <KeyRound aria-hidden="true" className="size-4 text-slate-500" />
              API tokens
            </Link>
          )}
          <form action={signOut}>
            <SubmitButton variant="ghost" className="w-full justify-start px-2.5 font-medium">
              <LogOut aria-hidden="true" className="text-slate-500" />
              Sign out
            </SubmitButton>
          </form>
        </div>
      </div>
    </div>
  );
}
