"use client";

import { clsx } from "clsx";
import { useSyncExternalStore, type ComponentProps } from "react";

const noSubscription = () => () => {};

/**
 * A form the page handles itself: submitting runs `onSubmit` (a mutation, say) instead of loading
 * a page. Its controls stay disabled until the page has hydrated: text typed into a controlled
 * field before that stays on screen, but React keeps the field's initial state, so the form would
 * send an empty field the person can see filled in.
 */
export function ActionForm({ onSubmit, className, children, ...props }: Omit<ComponentProps<"form">, "onSubmit"> & { onSubmit: () => void }) {
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  return (
    <form
      {...props}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <fieldset disabled={!hydrated} className={clsx("min-w-0", className)}>
        {children}
      </fieldset>
    </form>
  );
}
