// The node types, read from the registry: drag one onto the canvas, or click to add it (beside
// the selected card's free output, or in the visible area). On a phone they open as a sheet.
import { ActionIcon, Drawer, ScrollArea, SimpleGrid, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { anyNodeDefinition, NODE_TYPES, type NodeType } from '@zyntra/flows-schema';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { overlayRef } from '../canvas/canvas-overlays';
import { nodeColor, nodeIcon } from '../node-look';
import { useLocale } from '../../i18n/use-locale';
import { PALETTE_MIME } from './palette-dnd';
import styles from './palette.module.css';
import { useAddStep } from './use-add-step';
import { useBelow } from '../../shared/use-below';

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
        style={{ '--node-color': `var(--mantine-color-${nodeColor(type)}-6)` } as CSSProperties}
      >
        <Icon size={18} className={styles.icon} />
        <Text size="sm" fw={500} lh={1.2}>
          {def.label[locale]}
        </Text>
      </UnstyledButton>
    </Tooltip>
  );
}

/** On a phone: a button over the canvas opens the steps as a sheet; a tap adds one and closes it. */
function PhonePalette({ onAdd }: { onAdd: (type: NodeType) => void }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <ActionIcon ref={overlayRef} className={styles.phoneButton} size={48} radius="xl" onClick={open} aria-label={t('builder.palette.title')} data-testid="palette-open">
        <IconPlus size={24} />
      </ActionIcon>
      <Drawer opened={opened} onClose={close} position="bottom" size="55%" radius="md" title={t('builder.palette.title')} data-testid="palette-sheet">
        <SimpleGrid cols={2} spacing={6} pb="md">
          {NODE_TYPES.map((type) => (
            <PaletteItem key={type} type={type} onAdd={(picked) => {
              close();
              onAdd(picked);
            }} />
          ))}
        </SimpleGrid>
      </Drawer>
    </>
  );
}

export function Palette() {
  const { t } = useTranslation();
  const add = useAddStep();
  const phone = useBelow('sm');
  if (phone) return <PhonePalette onAdd={add} />;

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
