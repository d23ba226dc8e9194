// Sends the customer down one path, drawn at random in proportion to the paths' weights. The draw
// comes from the step's context (a fresh id), so the engine stays pure and a test can fix it; it is
// committed with the rest of the step, so a drain run again after a crash draws afresh for a step
// nobody has seen yet, never for one already taken.
import type { NodeHandler } from './types';

/** A number in [0, 1) from an id: FNV-1a over its characters, then scaled. */
export function unitFromId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32;
}

export const randomizer: NodeHandler<'randomizer'> = {
  enter(node, _session, ctx) {
    // Two paths with one id (refused by validation) share one output, so either draw lands there.
    const paths = node.config.paths;
    const total = paths.reduce((sum, path) => sum + path.weight, 0);
    // Validation refuses a randomizer without paths; a stored one just ends the flow here.
    if (total <= 0) return { next: 'none', actions: [], outcome: 'no_paths' };
    let point = unitFromId(ctx.newId()) * total;
    const chosen = paths.find((path) => (point -= path.weight) < 0) ?? paths[paths.length - 1]!;
    const next = `path:${chosen.id}`;
    return { next, actions: [], outcome: next };
  },
};
