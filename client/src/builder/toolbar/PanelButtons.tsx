import { ActionIcon, Badge, Button, Group, Indicator, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconChartBar, IconHistory, IconMessageCircle, IconSettings } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';

/** `labels`: the button's name beside its icon; without, the icon, count and a tooltip. */
function ProblemsButton({ labels }: { labels: boolean }) {
  const { t } = useTranslation();
  const store = useFlowStoreApi();
  const errors = useFlowStore((s) => s.errorCount);
  const total = useFlowStore((s) => s.problems.length);
  const active = useFlowStore((s) => s.drawer === 'problems');
  return (
    <Tooltip label={t('builder.toolbar.problems')} disabled={labels}>
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
        {labels ? t('builder.toolbar.problems') : <VisuallyHidden>{t('builder.toolbar.problems')}</VisuallyHidden>}
      </Button>
    </Tooltip>
  );
}

/** Problems, flow settings, version history, the analytics overlay and the test chat. */
export function PanelButtons({ analyticsAvailable, labels = true }: { analyticsAvailable: boolean; labels?: boolean }) {
  const { t } = useTranslation();
  const store = useFlowStoreApi();
  const drawer = useFlowStore((s) => s.drawer);
  const showAnalytics = useFlowStore((s) => s.showAnalytics);
  const testOpen = useFlowStore((s) => s.testOpen);
  return (
    <Group gap={4} wrap="nowrap">
      <ProblemsButton labels={labels} />
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
        <Tooltip label={t('builder.toolbar.test')} disabled={labels}>
          <Button
            size="xs"
            px={labels ? undefined : 8}
            variant={testOpen ? 'light' : 'default'}
            leftSection={labels && <IconMessageCircle size={16} />}
            onClick={() => store.getState().setTestOpen(!testOpen)}
            data-testid="test-toggle"
            aria-pressed={testOpen}
            aria-label={labels ? undefined : t('builder.toolbar.test')}
          >
            {labels ? t('builder.toolbar.test') : <IconMessageCircle size={16} />}
          </Button>
        </Tooltip>
      </Indicator>
    </Group>
  );
}
