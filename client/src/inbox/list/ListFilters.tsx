import { ActionIcon, Badge, CloseButton, Group, Indicator, Popover, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilter, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListFilter } from '../api/inbox-types';
import { useInbox } from '../store/inbox-store';
import { AlertsMenu } from './AlertsMenu';

export function ListFilters({ onChange }: { onChange: (patch: Partial<ListFilter>) => void }) {
  const { t } = useTranslation();
  const filter = useInbox((s) => s.filter);
  const teams = useInbox((s) => s.teams);
  const [q, setQ] = useState(filter.q);
  const channels = useInbox((s) => s.channels);
  const [tag, setTag] = useState(filter.tag ?? '');
  const search = useDebouncedCallback((value: string) => onChange({ q: value }), 300);
  // Cleared from elsewhere (the empty list's "Clear filters"): the boxes empty too.
  useEffect(() => void (filter.q || setQ('')), [filter.q]);
  useEffect(() => void (filter.tag || setTag('')), [filter.tag]);

  const active = [filter.channelId, filter.teamId, filter.tag].filter(Boolean).length;
  return (
    <Group gap={6} wrap="nowrap">
      <TextInput
        flex={1}
        size="sm"
        leftSection={<IconSearch size={16} />}
        placeholder={t('inbox.list.search')}
        aria-label={t('inbox.list.search')}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          search(e.currentTarget.value);
        }}
        rightSection={q ? <CloseButton size="sm" aria-label={t('inbox.list.clearSearch')} onClick={() => { setQ(''); onChange({ q: '' }); }} /> : null}
        data-testid="inbox-search"
      />
      <Popover position="bottom-end" width={260} shadow="md" withinPortal>
        <Popover.Target>
          <Indicator label={active} size={16} disabled={active === 0}>
            <ActionIcon variant="default" size="lg" aria-label={t('inbox.list.filters')} data-testid="inbox-filters">
              <IconFilter size={18} />
            </ActionIcon>
          </Indicator>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="sm">
            <Select
              label={t('inbox.list.channel')}
              placeholder={t('inbox.list.any')}
              clearable
              data={channels.map((c) => ({ value: c.id, label: c.name }))}
              value={filter.channelId}
              onChange={(channelId) => onChange({ channelId })}
              comboboxProps={{ withinPortal: false }}
            />
            <Select
              label={t('inbox.list.team')}
              placeholder={t('inbox.list.any')}
              clearable
              data={teams.map((x) => ({ value: x.id, label: x.name }))}
              value={filter.teamId}
              onChange={(teamId) => onChange({ teamId })}
              comboboxProps={{ withinPortal: false }}
            />
            <TextInput
              label={t('inbox.list.tag')}
              placeholder={t('inbox.list.tagPlaceholder')}
              value={tag}
              onChange={(e) => setTag(e.currentTarget.value)}
              onBlur={() => onChange({ tag: tag.trim() || null })}
              onKeyDown={(e) => e.key === 'Enter' && onChange({ tag: tag.trim() || null })}
              rightSection={filter.tag ? <Badge size="xs" tt="none">{filter.tag}</Badge> : null}
              rightSectionWidth={filter.tag ? 70 : undefined}
            />
          </Stack>
        </Popover.Dropdown>
      </Popover>
      <AlertsMenu />
    </Group>
  );
}
