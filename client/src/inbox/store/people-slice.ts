// Who works in the inbox: members with presence, teams, the connection state and alert settings.
import type { StateCreator } from 'zustand';
import type { Member, Presence, Team } from '../api/inbox-types';
import type { ConnectionState } from '../realtime/realtime-connection';

export interface PeopleSlice {
  members: Member[];
  teams: Team[];
  connection: ConnectionState;
  /** Bumped on every presence change seen, so the header's own status re-reads. */
  presenceVersion: number;
  setMembers(members: Member[]): void;
  setTeams(teams: Team[]): void;
  setPresenceOf(userId: string, presence: Presence): void;
  setConnection(state: ConnectionState): void;
}

export const createPeopleSlice: StateCreator<PeopleSlice> = (set) => ({
  members: [],
  teams: [],
  connection: 'connecting',
  presenceVersion: 0,
  setMembers: (members) => set({ members }),
  setTeams: (teams) => set({ teams }),
  setPresenceOf: (userId, presence) =>
    set((s) => ({ members: s.members.map((m) => (m.userId === userId ? { ...m, presence } : m)), presenceVersion: s.presenceVersion + 1 })),
  setConnection: (connection) => set({ connection }),
});
