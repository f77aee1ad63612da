"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { canonicalTimeZone } from "@/core/time/zoned";
import { ZONE_COOKIE } from "./zone-cookie";
import { useOptionalViewerZone } from "./zone-context";

/**
 * Tells the server the browser's time zone (a cookie, a year long). When the page was rendered
 * in another zone and the profile does not fix one, it renders again in the browser's zone:
 * this happens once, on the first page after the cookie was missing or the browser moved.
 */
// At most one extra render per page load, whatever the runtime's and the server's zone names say.
let refreshed = false;

export function ZoneSync() {
  const viewer = useOptionalViewerZone();
  const zone = viewer?.zone;
  const source = viewer?.source;
  const router = useRouter();
  useEffect(() => {
    const browser = canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (!browser) return;
    const current = document.cookie.split("; ").find((c) => c.startsWith(`${ZONE_COOKIE}=`))?.slice(ZONE_COOKIE.length + 1);
    if (current !== encodeURIComponent(browser)) {
      document.cookie = `${ZONE_COOKIE}=${encodeURIComponent(browser)}; path=/; max-age=31536000; samesite=lax`;
    }
    if (zone !== undefined && source !== "profile" && zone !== browser && !refreshed) {
      refreshed = true;
      router.refresh();
    }
  }, [zone, source, router]);
  return null;
}
