import { ActionIcon, Group, Tooltip } from '@mantine/core';
import { useReactFlow } from '@xyflow/react';
import { IconArrowBackUp, IconArrowForwardUp, IconHierarchy3, IconMaximize, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useTidyUp } from '../layout/use-tidy-up';
import { useFlowHistory, useFlowStoreApi } from '../store/flow-store-context';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

/** Undo, redo, tidy up, zoom-to-fit (left to the canvas's own button where room is short) and find. */
export function EditButtons({ fitView: showFitView = true }: { fitView?: boolean }) {
  const { t } = useTranslation();
  const store = useFlowStoreApi();
  const { fitView } = useReactFlow();
  const canUndo = useFlowHistory((h) => h.pastStates.length > 0);
  const canRedo = useFlowHistory((h) => h.futureStates.length > 0);
  const { tidyUp, busy } = useTidyUp(t('builder.toolbar.autoLayoutFailed'));
  const items = [
    { id: 'undo', label: `${t('builder.toolbar.undo')} (${mod}+Z)`, icon: IconArrowBackUp, run: () => store.getState().undo(), disabled: !canUndo },
    { id: 'redo', label: `${t('builder.toolbar.redo')} (${mod}+Shift+Z)`, icon: IconArrowForwardUp, run: () => store.getState().redo(), disabled: !canRedo },
    { id: 'autolayout', label: t('builder.toolbar.autoLayout'), icon: IconHierarchy3, run: () => void tidyUp(), disabled: busy },
    { id: 'fit-view', label: t('builder.toolbar.fitView'), icon: IconMaximize, run: () => void fitView({ duration: 300, maxZoom: 1, padding: 0.2 }), disabled: false },
    { id: 'find', label: `${t('builder.find.open')} (${mod}+K)`, icon: IconSearch, run: () => store.getState().setFinderOpen(true), disabled: false },
  ];
  return (
    <Group gap={2} wrap="nowrap">
      {items.filter((item) => showFitView || item.id !== 'fit-view').map(({ id, label, icon: Icon, run, disabled }) => (
        <Tooltip key={id} label={label}>
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={run} disabled={disabled} aria-label={label} data-testid={id} data-busy={id === 'autolayout' && busy ? true : undefined}>
            <Icon size={20} />
          </ActionIcon>
        </Tooltip>
      ))}
    </Group>
  );
}
