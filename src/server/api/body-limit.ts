/**
 * The largest request body the API takes: import documents carry years of slice history (the
 * 8-year demo history is about 22 MB); nothing else comes close. Next buffers bodies for the proxy
 * and cuts them at its own limit, so next.config.js raises that limit above this one: a larger body
 * then arrives whole or over this limit, and is answered 413, never cut short into invalid JSON.
 */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export const tooLargeMessage = () => `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB, the most the API takes.`;
