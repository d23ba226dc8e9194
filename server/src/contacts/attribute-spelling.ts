// One attribute per name whatever its letter case: what a CSV column, an API call or a flow's
// Actions step writes goes under the spelling the workspace already uses. Pure.
import { attributeNameKey } from '@zyntra/flows-schema';

/** Spellings by their lower-case form (attributeNameKey). */
export type Spellings = ReadonlyMap<string, string>;

/** The workspace's spelling of a name, or the name as written when the workspace has none. */
export const spellingOf = (name: string, spellings: Spellings) => spellings.get(attributeNameKey(name)) ?? name;

/**
 * The attributes under the workspace's spellings ("cidade" → "Cidade"). Two spellings of one name in
 * the same input are one attribute: the later value, as with a key written twice, except that a null
 * (remove) never beats a value: the contact drawer renaming "Cidade" to "cidade" sends both.
 */
export function respell<T>(attributes: Record<string, T>, spellings: Spellings): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const spelled = spellingOf(name, spellings);
    if (value !== null || out[spelled] === undefined || out[spelled] === null) out[spelled] = value;
  }
  return out;
}

/**
 * Keys a contact holds under another spelling of a name being written or removed (from before names
 * were one whatever their case): they go, so the contact keeps one value per attribute.
 */
export function otherSpellings(held: Record<string, unknown>, written: readonly string[]): string[] {
  const names = new Set(written);
  const keys = new Set(written.map(attributeNameKey));
  return Object.keys(held).filter((k) => !names.has(k) && keys.has(attributeNameKey(k)));
}
