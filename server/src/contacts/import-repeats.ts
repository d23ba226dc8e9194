// A phone that comes back later in the same import file. The later line is merged into the contact
// the earlier one made or updated (its tags added, its name and fields written over the earlier's
// where it has them), as a later import of that number would do: nothing either line says is lost.
// It is reported by line ("repeats line 3"), so the file's author sees the repeat instead of one row
// silently overwriting another. Pure.
import type { ImportLine, LineError } from './import-lines';

/**
 * The lines whose phone an earlier line of the file had, each with that earlier line's number.
 * `seen` (phone → first line) carries over between batches and learns this batch's phones.
 */
export function repeatsOf(lines: readonly ImportLine[], seen: Map<string, number>): Map<number, number> {
  const repeats = new Map<number, number>();
  for (const l of lines) {
    const first = seen.get(l.phone);
    if (first === undefined) seen.set(l.phone, l.line);
    else repeats.set(l.line, first);
  }
  return repeats;
}

export const repeatError = (line: number, first: number): LineError =>
  ({ line, code: 'duplicate_phone', value: String(first), message: `repeats the phone of line ${first}: merged into that contact` });
