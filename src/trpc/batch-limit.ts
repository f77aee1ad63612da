/**
 * The most calls one tRPC batch request may carry. Without a limit one request could ask for
 * the machine list 800 times (seconds of server time, megabytes of JSON). The client's batch link
 * splits larger batches into several requests; the server refuses a larger one with 400.
 */
export const MAX_BATCH_SIZE = 20;
