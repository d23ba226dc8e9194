// Reading an answer's body with a size cap: a misbehaving or hostile server that streams a huge body
// must not fill memory. One loop for every caller; each decides what "too large" means for it.

/** The whole body, or `over` with the bytes counted when the cap was passed (the stream is then cancelled). */
export type CappedRead = { bytes: Buffer } | { over: number };

export async function readUpTo(stream: ReadableStream<Uint8Array>, max: number): Promise<CappedRead> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > max) {
        await reader.cancel().catch(() => {});
        return { over: total };
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return { bytes: Buffer.concat(chunks) };
}
