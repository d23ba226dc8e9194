// Ctrl+K: type part of a step's name or text, pick it (arrows + Enter, or click), and the canvas
// selects and centres it.
import { Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusNode } from '../problems/use-focus-node';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';
import { useLocale } from '../../i18n/use-locale';
import styles from './finder.module.css';
import { searchSteps } from './search-steps';

function FinderBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const store = useFlowStoreApi();
  const focusNode = useFocusNode();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Read once per query, not subscribed: the canvas does not change while the box is open.
  const hits = useMemo(() => searchSteps(store.getState().nodes, query, locale), [store, query, locale]);
  const open = (id: string | undefined) => {
    if (!id) return;
    onClose();
    focusNode(id);
  };
  return (
    <Stack gap="xs">
      <TextInput
        data-autofocus
        leftSection={<IconSearch size={16} />}
        placeholder={t('builder.find.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter') open(hits[active]?.id);
          else return;
          e.preventDefault();
        }}
        aria-label={t('builder.find.open')}
        data-testid="finder-input"
      />
      <ScrollArea.Autosize mah={360}>
        {hits.length === 0 && <Text size="sm" c="dimmed" p="xs">{t('builder.find.none')}</Text>}
        {hits.map((hit, i) => (
          <UnstyledButton key={hit.id} className={styles.hit} data-active={i === active || undefined} onClick={() => open(hit.id)} onMouseEnter={() => setActive(i)} data-testid="finder-hit" data-node-id={hit.id}>
            <Text size="sm" fw={500} truncate>{hit.title}</Text>
            {hit.detail && <Text size="xs" c="dimmed" truncate>{hit.detail}</Text>}
          </UnstyledButton>
        ))}
      </ScrollArea.Autosize>
    </Stack>
  );
}

export function StepFinder() {
  const { t } = useTranslation();
  const store = useFlowStoreApi();
  const opened = useFlowStore((s) => s.finderOpen);
  const close = () => store.getState().setFinderOpen(false);
  return (
    <Modal opened={opened} onClose={close} title={t('builder.find.open')} size="md" yOffset="12vh">
      {opened && <FinderBody onClose={close} />}
    </Modal>
  );
}
