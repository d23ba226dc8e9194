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
  /**
   * The signed-in agent's own status as the header knows it (read or just chosen). The members list
   * can be older: read before this tab's socket was counted, it says "offline" until the change
   * comes back through the realtime line.
   */
  mine: { userId: string; status: Presence } | null;
  setMembers(members: Member[]): void;
  setTeams(teams: Team[]): void;
  setChannels(channels: InboxChannel[]): void;
  setPresenceOf(userId: string, presence: Presence): void;
  setMine(userId: string, status: Presence): void;
  setConnection(state: ConnectionState): void;
}

export const createPeopleSlice: StateCreator<PeopleSlice> = (set) => ({
  members: [],
  teams: [],
  channels: [],
  connection: 'connecting',
  presenceVersion: 0,
  mine: null,
  setMembers: (members) => set({ members }),
  setTeams: (teams) => set({ teams }),
  setChannels: (channels) => set({ channels }),
  setPresenceOf: (userId, presence) =>
    set((s) => ({
      members: s.members.map((m) => (m.userId === userId ? { ...m, presence } : m)),
      mine: s.mine?.userId === userId ? { userId, status: presence } : s.mine,
      presenceVersion: s.presenceVersion + 1,
    })),
  setMine: (userId, status) => set({ mine: { userId, status } }),
  setConnection: (connection) => set({ connection }),
});

/** A member's status as shown: the agent's own as they know it, everyone else's as last heard. */
export const presenceShown = (s: Pick<PeopleSlice, 'mine'>, member: Pick<Member, 'userId' | 'presence'>): Presence =>
  s.mine?.userId === member.userId ? s.mine.status : (member.presence ?? 'offline');
