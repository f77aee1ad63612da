/**
 * The one range every instant a person or script sends must fall in: [2000-01-01, 2100-01-01)
 * UTC. The contracts refuse anything outside it, and pages that build windows start no earlier.
 */
export const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
export const LATEST_INSTANT = Date.UTC(2100, 0, 1);

export const inInstantRange = (d: Date): boolean => d.getTime() >= EARLIEST_INSTANT && d.getTime() < LATEST_INSTANT;
