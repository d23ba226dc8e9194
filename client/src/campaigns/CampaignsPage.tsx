import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type Campaign, campaignsApi } from './campaigns-api';
import { CampaignWizard } from './CampaignWizard';
import { ListProgressBar } from './ListProgressBar';
import { StatusBadge } from './StatusBadge';
import { shownStatus } from './shown-status';

export function CampaignsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [items, setItems] = useState<Campaign[] | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    const ctrl = new AbortController();
    campaignsApi.list(ctrl.signal).then(setItems, () => setItems([]));
    return () => ctrl.abort();
  }, []);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2}>{t('nav.campaigns')}</Title>
        <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)} data-testid="new-campaign">
          {t('campaigns.new')}
        </Button>
      </Group>
      <Paper withBorder radius="md" p="md">
        {items && items.length === 0 ? (
          <Stack align="center" gap="xs" py="xl" data-testid="campaigns-empty">
            <IconSpeakerphone size={40} stroke={1.4} />
            <Text fw={600}>{t('campaigns.emptyTitle')}</Text>
            <Text c="dimmed" size="sm" ta="center" maw={460}>{t('campaigns.emptyDescription')}</Text>
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="campaigns-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.columns.name')}</Table.Th>
                  <Table.Th>{t('campaigns.columns.status')}</Table.Th>
                  <Table.Th>{t('campaigns.columns.progress')}</Table.Th>
                  <Table.Th>{t('campaigns.columns.template')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(items ?? []).map((c) => (
                    <Table.Tr key={c.id} data-testid="campaign-row">
                      <Table.Td><Text component={Link} to={`/campaigns/${c.id}`} fw={500} c="blue">{c.name}</Text></Table.Td>
                      <Table.Td><StatusBadge status={shownStatus(c, new Date())} /></Table.Td>
                      <Table.Td w={260}>
                        {/* A draft or scheduled campaign has no recipients yet (its audience is read when it starts): no 0/0. */}
                        {c.counts.total === 0 && (c.status === 'draft' || c.status === 'scheduled' || c.status === 'paused') ? (
                          <Text size="xs" c="dimmed" data-testid="campaign-not-started">{t('campaigns.notStarted')}</Text>
                        ) : (
                          <ListProgressBar counts={c.counts} />
                        )}
                      </Table.Td>
                      <Table.Td><Badge variant="light" color="gray" tt="none">{c.template.name}</Badge></Table.Td>
                    </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <CampaignWizard opened={creating} onClose={() => setCreating(false)} onCreated={(c) => navigate(`/campaigns/${c.id}`)} />
    </Stack>
  );
}
