// The node types, read from the registry: drag one onto the canvas, or click to drop it in the
// middle of the visible area.
import { ScrollArea, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useReactFlow, useStore as useReactFlowStore } from '@xyflow/react';
import { anyNodeDefinition, NODE_TYPES, type NodeType } from '@zyntra/flows-schema';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeColors, nodeIcon } from '../node-look';
import { useFlowStoreApi } from '../store/flow-store-context';
import { DEFAULT_NODE_SIZE, findFreeSpot } from '../store/graph-ops';
import { useLocale } from '../use-locale';
import { PALETTE_MIME } from './palette-dnd';
import styles from './palette.module.css';

function PaletteItem({ type, onAdd }: { type: NodeType; onAdd: (type: NodeType) => void }) {
  const locale = useLocale();
  const def = anyNodeDefinition(type);
  const Icon = nodeIcon(type);
  return (
    <Tooltip label={def.description[locale]} position="right" multiline w={240} openDelay={400} withArrow>
      <UnstyledButton
        className={styles.item}
        draggable
        onDragStart={(e) => {
          e.dataTransfer.setData(PALETTE_MIME, type);
          e.dataTransfer.effectAllowed = 'copy';
        }}
        onClick={() => onAdd(type)}
        data-testid={`palette-${type}`}
        style={{ '--node-color': `var(--mantine-color-${nodeColors[type]}-6)` } as CSSProperties}
      >
        <Icon size={18} className={styles.icon} />
        <Text size="sm" fw={500} lh={1.2}>
          {def.label[locale]}
        </Text>
      </UnstyledButton>
    </Tooltip>
  );
}

export function Palette() {
  const { t } = useTranslation();
  const store = useFlowStoreApi();
  const { getViewport } = useReactFlow();
  const width = useReactFlowStore((s) => s.width);
  const height = useReactFlowStore((s) => s.height);

  const add = (type: NodeType) => {
    const { x, y, zoom } = getViewport();
    const center = { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom };
    const wanted = { x: center.x - DEFAULT_NODE_SIZE.width / 2, y: center.y - DEFAULT_NODE_SIZE.height / 2 };
    // Near the middle of the view, but never on top of an existing card.
    store.getState().addNodeAt(type, findFreeSpot(store.getState().nodes, wanted));
  };

  return (
    <ScrollArea className={styles.palette} data-testid="palette">
      <Stack gap={6} p="sm">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {t('builder.palette.title')}
        </Text>
        {NODE_TYPES.map((type) => (
          <PaletteItem key={type} type={type} onAdd={add} />
        ))}
        <Text size="xs" c="dimmed" mt="xs">
          {t('builder.palette.hint')}
        </Text>
      </Stack>
    </ScrollArea>
  );
}
