/** The browser's IANA time zone, written by the page so server-rendered times match the viewer's clock. */
export const ZONE_COOKIE = "rigshare-tz";

/** Where the zone the pages use comes from: the profile's choice, the browser's cookie, or UTC until the browser has said. */
export type ZoneSource = "profile" | "browser" | "default";

export interface ViewerZone {
  zone: string;
  source: ZoneSource;
}
