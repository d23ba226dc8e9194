// Who works in the inbox: members with presence, teams, the channels chats arrive on, and the
// connection state.
import type { StateCreator } from 'zustand';
import type { InboxChannel, Member, Presence, Team } from '../api/inbox-types';
import type { ConnectionState } from '../realtime/realtime-connection';

export interface PeopleSlice {
  members: Member[];
  teams: Team[];
  channels: InboxChannel[];
  connection: ConnectionState;
  /** Bumped on every presence change seen, so the header's own status re-reads. */
  presenceVersion: number;
  setMembers(members: Member[]): void;
  setTeams(teams: Team[]): void;
  setChannels(channels: InboxChannel[]): void;
  setPresenceOf(userId: string, presence: Presence): void;
  setConnection(state: ConnectionState): void;
}

export const createPeopleSlice: StateCreator<PeopleSlice> = (set) => ({
  members: [],
  teams: [],
  channels: [],
  connection: 'connecting',
  presenceVersion: 0,
  setMembers: (members) => set({ members }),
  setTeams: (teams) => set({ teams }),
  setChannels: (channels) => set({ channels }),
  setPresenceOf: (userId, presence) =>
    set((s) => ({ members: s.members.map((m) => (m.userId === userId ? { ...m, presence } : m)), presenceVersion: s.presenceVersion + 1 })),
  setConnection: (connection) => set({ connection }),
});
