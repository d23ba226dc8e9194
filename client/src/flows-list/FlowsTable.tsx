import { ActionIcon, Anchor, Badge, Box, Group, Menu, Table, Text, Tooltip } from '@mantine/core';
import { IconCopy, IconDotsVertical, IconDownload, IconEdit, IconExternalLink, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBelow } from '../shared/use-below';
import type { FlowSummary } from './flows-api';
import { formatDateTime, formatRelative } from './format-time';

export interface RowActions {
  onRename(flow: FlowSummary): void;
  onDuplicate(flow: FlowSummary): void;
  onExport(flow: FlowSummary): void;
  onDelete(flow: FlowSummary): void;
}

const MAX_KEYWORDS = 4;

type StatusFlow = Pick<FlowSummary, 'status' | 'publishedVersion' | 'hasUnpublishedChanges'>;

/** `short`: "Unpublished changes" without the live version, where width is scarce (a phone, the builder). */
export function StatusBadge({ flow, short = false }: { flow: StatusFlow; short?: boolean }) {
  const { t } = useTranslation();
  if (flow.status === 'published' && flow.hasUnpublishedChanges) {
    return (
      <Badge color="orange" variant="light" miw="max-content" data-testid="flow-status" data-changed>
        {short ? t('flows.status.changedShort') : t('flows.status.changed', { version: flow.publishedVersion ?? 1 })}
      </Badge>
    );
  }
  return flow.status === 'published' ? (
    <Badge color="teal" variant="light" miw="max-content" data-testid="flow-status">
      {t('flows.status.published', { version: flow.publishedVersion ?? 1 })}
    </Badge>
  ) : (
    <Badge color="gray" variant="light" miw="max-content" data-testid="flow-status">
      {t('flows.status.draft')}
    </Badge>
  );
}

function Keywords({ keywords }: { keywords: string[] }) {
  const { t } = useTranslation();
  if (keywords.length === 0) return <Text size="sm" c="dimmed">{t('flows.noKeywords')}</Text>;
  return (
    <Group gap={4}>
      {keywords.slice(0, MAX_KEYWORDS).map((k) => (
        <Badge key={k} variant="outline" color="gray" tt="none" radius="sm">
          {k}
        </Badge>
      ))}
      {keywords.length > MAX_KEYWORDS && <Text size="xs" c="dimmed">+{keywords.length - MAX_KEYWORDS}</Text>}
    </Group>
  );
}

function RowMenu({ flow, actions }: { flow: FlowSummary; actions: RowActions }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('flows.columns.actions')} data-testid={`flow-menu-${flow.id}`}>
          <IconDotsVertical size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to={`/flows/${flow.id}`} leftSection={<IconExternalLink size={16} />}>
          {t('flows.actions.open')}
        </Menu.Item>
        <Menu.Item leftSection={<IconEdit size={16} />} onClick={() => actions.onRename(flow)} data-testid="flow-rename">
          {t('flows.actions.rename')}
        </Menu.Item>
        <Menu.Item leftSection={<IconCopy size={16} />} onClick={() => actions.onDuplicate(flow)} data-testid="flow-duplicate">
          {t('flows.actions.duplicate')}
        </Menu.Item>
        <Menu.Item leftSection={<IconDownload size={16} />} onClick={() => actions.onExport(flow)} data-testid="flow-export">
          {t('flows.actions.export')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => actions.onDelete(flow)} data-testid="flow-delete">
          {t('flows.actions.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

// On a phone the table keeps the name (with its status beneath) and the actions menu; keywords,
// counts and dates are for wider screens.
export function FlowsTable({ flows, actions }: { flows: FlowSummary[]; actions: RowActions }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const phone = useBelow('sm');
  const withCounts = !phone && flows.some((f) => f.conversationsLast7Days !== undefined);
  return (
    <Table.ScrollContainer minWidth={phone ? 0 : 720}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="flows-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('flows.columns.name')}</Table.Th>
            {!phone && <Table.Th>{t('flows.columns.status')}</Table.Th>}
            {!phone && <Table.Th>{t('flows.columns.keywords')}</Table.Th>}
            {withCounts && <Table.Th ta="right">{t('flows.columns.conversations')}</Table.Th>}
            {!phone && <Table.Th>{t('flows.columns.updated')}</Table.Th>}
            <Table.Th w={48} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {flows.map((flow) => (
            <Table.Tr key={flow.id} data-testid={`flow-row-${flow.id}`}>
              <Table.Td>
                <Anchor component={Link} to={`/flows/${flow.id}`} fw={600} data-testid="flow-open">
                  {flow.name}
                </Anchor>
                {phone && <Box mt={4}><StatusBadge flow={flow} short /></Box>}
              </Table.Td>
              {!phone && (
                <Table.Td>
                  <StatusBadge flow={flow} />
                </Table.Td>
              )}
              {!phone && (
                <Table.Td>
                  <Keywords keywords={flow.triggerKeywords} />
                </Table.Td>
              )}
              {withCounts && (
                <Table.Td ta="right" data-testid="flow-conversations">
                  {(flow.conversationsLast7Days ?? 0).toLocaleString(locale)}
                </Table.Td>
              )}
              {!phone && (
                <Table.Td>
                  <Tooltip label={formatDateTime(flow.updatedAt, locale)}>
                    <Text size="sm" span>
                      {formatRelative(flow.updatedAt, locale)}
                    </Text>
                  </Tooltip>
                </Table.Td>
              )}
              <Table.Td>
                <RowMenu flow={flow} actions={actions} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
