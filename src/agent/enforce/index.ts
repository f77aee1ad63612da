/**
 * What the agent's run loop uses to make slices real on the machine: `enforceSchedule` at start-up
 * and at every boundary, `SliceEndings.tick` every few seconds (and `stopUnbooked` for unbooked
 * use in enforce mode), `planCommands` + `renderPlan` for the dry run (`plan`).
 */
export { applyDesiredState, DEFAULT_ENFORCE_OPTIONS, enforceSchedule, loggedInUids, planCommands, readUnits, renderPlan, type ApplyReport, type EnforceDeps, type EnforceOptions, type PlannedCommand } from "./apply";
export { execRunner, type CommandResult, type CommandRunner } from "./command-runner";
export { DEFAULT_ENDING_OPTIONS, SliceEndings, type EndingDeps, type EndingEvent, type EndingOptions, type GpuProcess } from "./slice-endings";
export { tellUser, terminalsOf } from "./terminals";
export { SHARED_DEVICES, type UnitProperties } from "./unit-properties";
