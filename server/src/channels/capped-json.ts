// A provider's answer read with a size cap: a misbehaving or hostile endpoint that streams a huge
// body must not fill the worker's memory. Past the cap, or when it is not JSON, the answer is {}.

/** Graph API answers to a send are a few hundred bytes; error bodies a few KiB. */
export const PROVIDER_ANSWER_MAX_BYTES = 64 * 1024;

export async function readJsonCapped(res: Response, max = PROVIDER_ANSWER_MAX_BYTES): Promise<unknown> {
  if (!res.body) return {};
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > max) {
        await reader.cancel().catch(() => {});
        return {};
      }
      chunks.push(value);
    }
  } catch {
    return {};
  } finally {
    reader.releaseLock();
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return {};
  }
}
