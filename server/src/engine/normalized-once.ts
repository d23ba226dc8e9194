// A published version's keywords normalized once, not at every message. Versions are immutable and
// cached, so every message meets the same objects; and a workspace decides how long its keywords
// are: normalizing a megabyte of them per message let one workspace spend the shared workers' time.
import { normalizeText } from '@zyntra/flows-schema';

const values = new WeakMap<{ value: string }, string>();
const sets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** A keyword's value, normalized (computed once per keyword object). */
export function normalizedValue(keyword: { value: string }): string {
  let value = values.get(keyword);
  if (value === undefined) values.set(keyword, (value = normalizeText(keyword.value)));
  return value;
}

/** The words, normalized, as a set (computed once per array). */
export function normalizedSet(words: readonly string[]): ReadonlySet<string> {
  let set = sets.get(words);
  if (set === undefined) sets.set(words, (set = new Set(words.map(normalizeText))));
  return set;
}
