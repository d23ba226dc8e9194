import { ActionIcon, Badge, Button, Group, Indicator, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconChartBar, IconHistory, IconMessageCircle, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';

function ProblemsButton() {
  const { t } = useTranslation();
  const store = useFlowStoreApi();
  const errors = useFlowStore((s) => s.errorCount);
  const total = useFlowStore((s) => s.problems.length);
  const active = useFlowStore((s) => s.drawer === 'problems');
  return (
    <Button
      size="xs"
      variant={active ? 'light' : 'subtle'}
      color={errors ? 'red' : total ? 'orange' : 'gray'}
      leftSection={<IconAlertTriangle size={16} />}
      rightSection={total > 0 && <Badge size="xs" circle={total < 10} color={errors ? 'red' : 'orange'}>{total}</Badge>}
      onClick={() => store.getState().toggleDrawer('problems')}
      data-testid="problems-toggle"
      data-errors={errors}
      data-total={total}
    >
      {t('builder.toolbar.problems')}
    </Button>
  );
}

/** Problems, flow settings, version history, the analytics overlay and the test chat. */
export function PanelButtons({ analyticsAvailable }: { analyticsAvailable: boolean }) {
  const { t } = useTranslation();
  const store = useFlowStoreApi();
  const drawer = useFlowStore((s) => s.drawer);
  const showAnalytics = useFlowStore((s) => s.showAnalytics);
  const testOpen = useFlowStore((s) => s.testOpen);
  return (
    <Group gap={4} wrap="nowrap">
      <ProblemsButton />
      <Tooltip label={t('builder.toolbar.settings')}>
        <ActionIcon variant={drawer === 'settings' ? 'light' : 'subtle'} color="gray" size="lg" onClick={() => store.getState().toggleDrawer('settings')} aria-label={t('builder.toolbar.settings')} data-testid="settings-toggle">
          <IconSettings size={20} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label={t('builder.toolbar.versions')}>
        <ActionIcon variant={drawer === 'versions' ? 'light' : 'subtle'} color="gray" size="lg" onClick={() => store.getState().toggleDrawer('versions')} aria-label={t('builder.toolbar.versions')} data-testid="versions-toggle">
          <IconHistory size={20} />
        </ActionIcon>
      </Tooltip>
      {analyticsAvailable && (
        <Tooltip label={t('builder.analytics.toggle')}>
          <ActionIcon variant={showAnalytics ? 'filled' : 'subtle'} color={showAnalytics ? 'indigo' : 'gray'} size="lg" onClick={() => store.getState().setShowAnalytics(!showAnalytics)} aria-label={t('builder.analytics.toggle')} aria-pressed={showAnalytics} data-testid="analytics-toggle">
            <IconChartBar size={20} />
          </ActionIcon>
        </Tooltip>
      )}
      <Indicator disabled={!testOpen} color="teal" size={8} offset={4} processing>
        <Button size="xs" variant={testOpen ? 'light' : 'default'} leftSection={<IconMessageCircle size={16} />} onClick={() => store.getState().setTestOpen(!testOpen)} data-testid="test-toggle" aria-pressed={testOpen}>
          {t('builder.toolbar.test')}
        </Button>
      </Indicator>
    </Group>
  );
}
