// The left column: folders with counts, search and filters, and a virtualized list of chats that
// loads the next keyset page as it nears the end.
import { Alert, Button, Center, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { memberName } from '../format';
import { inboxStore, useInbox } from '../store/inbox-store';
import type { ListFilter } from '../api/inbox-types';
import { loadFirstPage, loadMore } from '../sync/list-loader';
import { ConversationRow } from './ConversationRow';
import { useKeepRowFocus } from './use-keep-row-focus';

const ROW_HEIGHT = 84;
/** Search and filters off; the folder stays. */
const NO_FILTERS: Partial<ListFilter> = { q: '', tag: null, channelId: null, teamId: null };

function EmptyList() {
  const { t } = useTranslation();
  const folder = useInbox((s) => s.filter.folder);
  const searching = useInbox((s) => Boolean(s.filter.q || s.filter.tag || s.filter.channelId || s.filter.teamId));
  return (
    // Fills the column as the list would, so what sits below it (the notification offer) stays at the foot.
    <Center p="xl" flex={1} style={{ alignItems: 'flex-start' }} data-testid="inbox-list-empty">
      <Stack align="center" gap={6} maw={260}>
        <IconInbox size={36} color="var(--mantine-color-gray-5)" />
        <Text fw={600} ta="center">{t(searching ? 'inbox.list.noResults' : `inbox.list.empty.${folder}`)}</Text>
        {/* Each folder says what would land in it; a search that found nothing says how to widen it. */}
        <Text size="sm" c="dimmed" ta="center">{t(searching ? 'inbox.list.noResultsHint' : `inbox.list.emptyHint.${folder}`)}</Text>
        {/* A search looks in the folder on screen; an old chat is one click away in All. */}
        {searching && folder !== 'all' && (
          <Button size="xs" mt={4} onClick={() => inboxStore.getState().setFilter({ folder: 'all' })} data-testid="inbox-search-all">
            {t('inbox.list.searchAll')}
          </Button>
        )}
        {searching && (
          <Button variant="light" size="xs" mt={4} onClick={() => inboxStore.getState().setFilter(NO_FILTERS)} data-testid="inbox-clear-filters">
            {t('inbox.list.clearFilters')}
          </Button>
        )}
      </Stack>
    </Center>
  );
}

export function ConversationList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const items = useInbox((s) => s.items);
  const status = useInbox((s) => s.listStatus);
  const selectedId = useInbox((s) => s.selectedId);
  const members = useInbox((s) => s.members);
  const channels = useInbox((s) => s.channels);
  const searched = useInbox((s) => s.filter.q);
  // One channel: every chat comes from it, and an icon on each row would say nothing.
  const channelOf = (id: string) => (channels.length > 1 ? channels.find((c) => c.id === id) ?? null : null);
  const hasMore = useInbox((s) => s.nextCursor !== null);
  const loadingMore = useInbox((s) => s.loadingMore);
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? -1;
  useKeepRowFocus();

  useEffect(() => {
    if (hasMore && lastIndex >= items.length - 5) void loadMore();
  }, [lastIndex, items.length, hasMore]);

  if (status === 'loading' && items.length === 0) {
    return (
      <Stack gap={0} p="sm" flex={1} data-testid="inbox-list-loading">
        {[0, 1, 2, 3, 4].map((i) => <Skeleton key={i} h={64} mb="sm" radius="md" />)}
      </Stack>
    );
  }
  if (status === 'error') {
    return (
      <Alert color="red" m="sm" title={t('inbox.list.loadError')}>
        <Button size="xs" variant="light" color="red" onClick={() => void loadFirstPage()}>{t('inbox.retry')}</Button>
      </Alert>
    );
  }
  if (items.length === 0) return <EmptyList />;
  return (
    <div ref={parentRef} style={{ flex: 1, overflowY: 'auto', minHeight: 0 }} data-testid="inbox-list">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((v) => {
          const item = items[v.index]!;
          return (
            <div key={item.id} data-index={v.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${v.start}px)` }}>
              <ConversationRow item={item} selected={item.id === selectedId} assigneeName={memberName(members, item.assigneeId)} channel={channelOf(item.channelId)} searched={searched} onOpen={onOpen} />
            </div>
          );
        })}
      </div>
      {loadingMore && <Center py="sm"><Loader size="sm" /></Center>}
    </div>
  );
}
