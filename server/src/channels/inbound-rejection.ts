// An item of a provider's payload that we could not use (no usable id, no sender, a field of the
// wrong type). It is recorded with its reason and a small, cleaned excerpt so the workspace can see
// what the provider sent, while the rest of the payload is processed as usual.
import { cleanText } from './inbound-text';

export type Rejection = { reason: string; sample: unknown };

const MAX_NODES = 60;
const MAX_DEPTH = 4;
const MAX_STRING = 120;
const MAX_KEYS = 12;
const MAX_ITEMS = 6;

/** A bounded, storable copy of any JSON value: cut in depth, width and length, text cleaned. */
export function excerptOf(value: unknown): unknown {
  let budget = MAX_NODES;
  const walk = (v: unknown, depth: number): unknown => {
    if (--budget < 0) return '…';
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (typeof v === 'string') return cleanText(v, MAX_STRING) ?? '';
    if (typeof v !== 'object') return null;
    if (depth >= MAX_DEPTH) return Array.isArray(v) ? '[…]' : '{…}';
    if (Array.isArray(v)) {
      const head = v.slice(0, MAX_ITEMS).map((x) => walk(x, depth + 1));
      return v.length > MAX_ITEMS ? [...head, `…${v.length - MAX_ITEMS} more`] : head;
    }
    const entries = Object.entries(v as Record<string, unknown>).slice(0, MAX_KEYS);
    return Object.fromEntries(entries.map(([k, x]) => [cleanText(k, 64) ?? '?', walk(x, depth + 1)]));
  };
  return walk(value, 0);
}

export const rejection = (reason: string, raw: unknown): Rejection => ({ reason, sample: excerptOf(raw) });
