// Team ids → names for the node cards: a transfer step stores its team's id, the card shows its name.
import { useEffect, useState } from 'react';
import { peopleApi } from '../../inbox/api/people-api';

let names: Promise<Map<string, string>> | null = null;

/** Read once per page load and shared by every card (a missing name leaves the summary as it is). */
export function useTeamNames(): Map<string, string> {
  const [map, setMap] = useState<Map<string, string>>(() => new Map());
  useEffect(() => {
    let live = true;
    names ??= peopleApi.teams().then((teams) => new Map(teams.map((t) => [t.id, t.name])), () => new Map());
    void names.then((m) => live && setMap(m));
    return () => {
      live = false;
    };
  }, []);
  return map;
}
