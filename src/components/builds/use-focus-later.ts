"use client";

import { useEffect, useRef } from "react";

/**
 * Focuses the element with an id after the next render, for lines that only exist once React has
 * drawn them (a part just added) or focus that must move off a line just removed.
 */
export function useFocusLater(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return (id: string) => {
    pending.current = id;
  };
}
