// Who works in the inbox: members with presence, teams, the connection state and alert settings.
import type { StateCreator } from 'zustand';
import type { Member, Presence, Team } from '../api/inbox-types';
import type { ConnectionState } from '../realtime/realtime-connection';

export interface PeopleSlice {
  members: Member[];
  teams: Team[];
  connection: ConnectionState;
  setMembers(members: Member[]): void;
  setTeams(teams: Team[]): void;
  setPresenceOf(userId: string, presence: Presence): void;
  setConnection(state: ConnectionState): void;
}

export const createPeopleSlice: StateCreator<PeopleSlice> = (set) => ({
  members: [],
  teams: [],
  connection: 'connecting',
  setMembers: (members) => set({ members }),
  setTeams: (teams) => set({ teams }),
  setPresenceOf: (userId, presence) =>
    set((s) => ({ members: s.members.map((m) => (m.userId === userId ? { ...m, presence } : m)) })),
  setConnection: (connection) => set({ connection }),
});
