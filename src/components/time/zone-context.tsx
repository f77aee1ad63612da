"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { ViewerZone } from "./zone-cookie";

const ZoneContext = createContext<ViewerZone | null>(null);

/**
 * The zone every time on the page is shown in, decided on the server (profile, then the
 * browser's cookie) and handed down, so the server's HTML and the browser's render agree.
 */
export function ZoneProvider({ value, children }: { value: ViewerZone; children: ReactNode }) {
  return <ZoneContext.Provider value={value}>{children}</ZoneContext.Provider>;
}

export function useViewerZone(): ViewerZone {
  return useContext(ZoneContext) ?? { zone: "UTC", source: "default" };
}

/** The zone, or null outside a provider (the sign-in page). */
export function useOptionalViewerZone(): ViewerZone | null {
  return useContext(ZoneContext);
}
