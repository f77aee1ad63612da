/**
 * A response whose body is bytes already written, sent as they are. A string body is checked for
 * lone surrogates and encoded to UTF-8 on every response, and a fresh 300 KB string (the 8-year
 * savings report) cost about 5 ms that way, measured in process; bytes kept beside a frozen answer
 * cost nothing per response. They go in a stream, which copies nothing (a `Uint8Array` body would be
 * copied whole first), with their exact length, so the response is not chunked.
 */
export function bytesResponse(chunks: readonly Uint8Array[], init: { status: number; headers: HeadersInit }): Response {
  const headers = new Headers(init.headers);
  headers.set("content-length", String(chunks.reduce((total, chunk) => total + chunk.byteLength, 0)));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, { status: init.status, headers });
}
