import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { ViewerZone } from "@/components/time/zone-cookie";
import { ZONE_COOKIE } from "@/components/time/zone-cookie";
import { canonicalTimeZone, UTC } from "@/core/time/zoned";
import { currentActor } from "./session";

/** The zone this request's pages show times in: the profile's choice, else the browser's cookie, else UTC. */
export const viewerZone = cache(async (): Promise<ViewerZone> => {
  const chosen = canonicalTimeZone((await currentActor())?.timeZone);
  if (chosen) return { zone: chosen, source: "profile" };
  const raw = (await cookies()).get(ZONE_COOKIE)?.value;
  const browser = canonicalTimeZone(decodeCookie(raw));
  return browser ? { zone: browser, source: "browser" } : { zone: UTC, source: "default" };
});

function decodeCookie(raw: string | undefined): string | undefined {
  try {
    return raw === undefined ? undefined : decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
