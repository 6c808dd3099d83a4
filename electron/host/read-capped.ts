/**
 * A request's or response's body as bytes, or null once it passes `max`. Read as a stream: a
 * chunked body has no Content-Length to refuse up front, and must not be buffered whole (a
 * heartbeat needs no token; a followed schedule URL may answer with anything).
 */
export async function readCapped(
  from: { body: ReadableStream<Uint8Array> | null },
  max: number,
): Promise<Uint8Array | null> {
  if (!from.body) return new Uint8Array(0);
  const reader = from.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
