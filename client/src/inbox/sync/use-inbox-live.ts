import { useEffect } from 'react';
import { useAuthStore } from '../../auth/auth-store';
import { channelsApi } from '../../settings/channels/channels-api';
import { peopleApi } from '../api/people-api';
import { inboxStore } from '../store/inbox-store';
import { startLive, stopLive } from './live';

let channelsRead = false;
const channelsAsked = new Set<string>();

function loadChannels(): void {
  channelsApi.list().then((r) => {
    channelsRead = true;
    inboxStore.getState().setChannels(r.items.map(({ id, type, name }) => ({ id, type, name })));
  }, () => undefined);
}

/** Members, teams and channels for names, assignment menus, presence and filters (re-read on each inbox visit). */
export function loadPeople(): void {
  peopleApi.members().then((m) => inboxStore.getState().setMembers(m), () => undefined);
  peopleApi.teams().then((t) => inboxStore.getState().setTeams(t), () => undefined);
  loadChannels();
}

/**
 * A chat from a channel added after the inbox read its channels (an owner connecting a web chat while
 * agents work) had no channel name until a reload: such a chat reads the channels again, once per id.
 */
export function knowChannels(ids: Iterable<string | null | undefined>): void {
  if (!channelsRead) return;
  const { channels } = inboxStore.getState();
  let unknown = false;
  for (const id of ids) {
    if (!id || channelsAsked.has(id) || channels.some((c) => c.id === id)) continue;
    channelsAsked.add(id);
    unknown = true;
  }
  if (unknown) loadChannels();
}

/**
 * Keeps the realtime line open while someone is signed in: mounted once, by the route that wraps every
 * signed-in page (shell/LiveLine.tsx), so the shell's pages and the builder share one socket.
 */
export function useInboxLive(): void {
  const signedIn = useAuthStore((s) => s.token !== null);
  const workspaceId = useAuthStore((s) => s.workspace?.id);
  useEffect(() => {
    if (!signedIn) return;
    startLive();
    const unwatch = inboxStore.subscribe((s, before) => {
      if (s.items !== before.items || s.thread?.detail !== before.thread?.detail) knowChannels([...s.items.map((i) => i.channelId), s.thread?.detail?.channelId]);
    });
    return () => {
      unwatch();
      stopLive();
      channelsRead = false;
      channelsAsked.clear();
    };
  }, [signedIn, workspaceId]);
}
