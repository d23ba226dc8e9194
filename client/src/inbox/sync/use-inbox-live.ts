import { useEffect } from 'react';
import { useAuthStore } from '../../auth/auth-store';
import { channelsApi } from '../../settings/channels/channels-api';
import { peopleApi } from '../api/people-api';
import { inboxStore } from '../store/inbox-store';
import { startLive, stopLive } from './live';

/** Members, teams and channels for names, assignment menus, presence and filters (re-read on each inbox visit). */
export function loadPeople(): void {
  peopleApi.members().then((m) => inboxStore.getState().setMembers(m), () => undefined);
  peopleApi.teams().then((t) => inboxStore.getState().setTeams(t), () => undefined);
  channelsApi.list().then((r) => inboxStore.getState().setChannels(r.items.map(({ id, type, name }) => ({ id, type, name }))), () => undefined);
}

/** Keeps the realtime line open while someone is signed in (mounted once by the app shell). */
export function useInboxLive(): void {
  const signedIn = useAuthStore((s) => s.token !== null);
  const workspaceId = useAuthStore((s) => s.workspace?.id);
  useEffect(() => {
    if (!signedIn) return;
    startLive();
    return stopLive;
  }, [signedIn, workspaceId]);
}
