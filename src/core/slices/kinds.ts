/**
 * What a slice's GPUs do. Serving slices run a model for users around the clock: they have their
 * own team quota of concurrent GPUs, are never reclaimed for idleness, and are reported apart.
 */
export const SLICE_KINDS = ["training", "interactive", "serving"] as const;
export type SliceKind = (typeof SLICE_KINDS)[number];
