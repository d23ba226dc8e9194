// The menu that opens where a connection was dropped on empty canvas: pick the next step and it
// appears there, connected. Steps that cannot take an input (the trigger) are not offered.
import { Menu } from '@mantine/core';
import { anyNodeDefinition, NODE_TYPES, type NodeType } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import { nodeColor, nodeIcon } from '../node-look';
import { useLocale } from '../../i18n/use-locale';
import type { PendingDrop } from './use-connect-drop';

const CONNECTABLE = NODE_TYPES.filter((type) => !anyNodeDefinition(type).isEntry);

export function StepPicker({ drop, onPick, onClose }: { drop: PendingDrop; onPick: (type: NodeType) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Menu opened onChange={(open) => !open && onClose()} position="bottom-start" offset={4} shadow="md" withinPortal trapFocus returnFocus={false}>
      <Menu.Target>
        <div style={{ position: 'absolute', left: drop.screen.x, top: drop.screen.y, width: 1, height: 1 }} />
      </Menu.Target>
      <Menu.Dropdown data-testid="step-picker">
        <Menu.Label>{t('builder.palette.next')}</Menu.Label>
        {CONNECTABLE.map((type) => {
          const Icon = nodeIcon(type);
          return (
            <Menu.Item key={type} leftSection={<Icon size={16} color={`var(--mantine-color-${nodeColor(type)}-6)`} />} onClick={() => onPick(type)} data-testid={`step-picker-${type}`}>
              {anyNodeDefinition(type).label[locale]}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
