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

function PaletteItem({ type, onAdd, rail = false }: { type: NodeType; onAdd: (type: NodeType) => void; rail?: boolean }) {
  const locale = useLocale();
  const def = anyNodeDefinition(type);
  const Icon = nodeIcon(type);
  // On the rail the name is only in the tooltip (and the button's accessible name).
  const tip = rail ? <><Text size="sm" fw={600}>{def.label[locale]}</Text>{def.description[locale]}</> : def.description[locale];
  return (
    <Tooltip label={tip} position="right" multiline w={240} openDelay={rail ? 150 : 400} withArrow>
      <UnstyledButton
        className={rail ? styles.railItem : styles.item}
        draggable
        onDragStart={(e) => {
          e.dataTransfer.setData(PALETTE_MIME, type);
          e.dataTransfer.effectAllowed = 'copy';
        }}
        onClick={() => onAdd(type)}
        aria-label={rail ? def.label[locale] : undefined}
        data-testid={`palette-${type}`}
        style={{ '--node-color': `var(--mantine-color-${nodeColor(type)}-6)` } as CSSProperties}
      >
        <Icon size={rail ? 20 : 18} className={styles.icon} />
        {!rail && (
          <Text size="sm" fw={500} lh={1.2}>
            {def.label[locale]}
          </Text>
        )}
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
  // A tablet keeps the canvas beside a step's panel: the steps as a rail of icons.
  const rail = useBelow('md');
  if (phone) return <PhonePalette onAdd={add} />;
  if (rail) {
    return (
      <ScrollArea className={styles.rail} data-testid="palette" aria-label={t('builder.palette.title')}>
        <Stack gap={6} p={8} align="center">
          {NODE_TYPES.map((type) => <PaletteItem key={type} type={type} onAdd={add} rail />)}
        </Stack>
      </ScrollArea>
    );
  }

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
