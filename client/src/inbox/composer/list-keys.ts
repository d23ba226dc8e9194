// The keys of a list above the reply box (canned responses, mentions): the arrows move the highlight
// round the list, Enter and Tab pick the highlighted item. An empty list takes no keys.
export function listKeys<T>(items: readonly T[], active: number, setActive: (next: (a: number) => number) => void, pick: (item: T) => void): Record<string, (() => void) | undefined> {
  const n = items.length;
  const chosen = items[Math.min(active, n - 1)];
  if (chosen === undefined) return {};
  return {
    ArrowDown: () => setActive((a) => (a + 1) % n),
    ArrowUp: () => setActive((a) => (a - 1 + n) % n),
    Enter: () => pick(chosen),
    Tab: () => pick(chosen),
  };
}
