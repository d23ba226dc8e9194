// Team ids → names for the node cards: a transfer step stores its team's id, the card shows its name.
import { useEffect, useState } from 'react';
import { peopleApi } from '../../inbox/api/people-api';

type Names = Map<string, string>;

/** One read shared by every card on the canvas, kept only while cards are shown. */
let names: Promise<Names> | null = null;
const cards = new Set<(names: Names) => void>();

/** Reads the names and gives them to every card; a failed read keeps the names the cards had. */
function read() {
  const before = names;
  const next = peopleApi.teams().then(
    (teams) => new Map(teams.map((t) => [t.id, t.name])),
    () => before ?? new Map<string, string>(),
  );
  names = next;
  void next.then((m) => names === next && cards.forEach((set) => set(m)));
}

/**
 * Read as the builder opens, and again when its tab has the focus back: a team renamed in Settings
 * (in this tab, or in another) shows its new name without a reload. A missing name leaves the summary as it is.
 */
export function useTeamNames(): Names {
  const [map, setMap] = useState<Names>(() => new Map());
  useEffect(() => {
    cards.add(setMap);
    if (cards.size === 1) {
      read();
      window.addEventListener('focus', read);
    } else void names?.then((m) => cards.has(setMap) && setMap(m));
    return () => {
      cards.delete(setMap);
      if (cards.size) return;
      names = null;
      window.removeEventListener('focus', read);
    };
  }, []);
  return map;
}
