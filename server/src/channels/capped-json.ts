// A provider's answer read with a size cap: a misbehaving or hostile endpoint that streams a huge
// body must not fill the worker's memory. Past the cap, or when it is not JSON, the answer is {}.
import { readUpTo } from '../net/read-up-to';

/** Graph API answers to a send are a few hundred bytes; error bodies a few KiB. */
export const PROVIDER_ANSWER_MAX_BYTES = 64 * 1024;

export async function readJsonCapped(res: Response, max = PROVIDER_ANSWER_MAX_BYTES): Promise<unknown> {
  if (!res.body) return {};
  try {
    const read = await readUpTo(res.body, max);
    return 'bytes' in read ? (JSON.parse(read.bytes.toString('utf8')) as unknown) : {};
  } catch {
    return {};
  }
}
