import { ActionIcon, Loader, Popover } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import { IconMoodSmile } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import touch from '../../shared/touch.module.css';

/** emoji-mart's picker, loaded with its data only when first opened (it stays out of the first load). */
function PickerHost({ onPick, onClose }: { onPick: (emoji: string) => void; onClose: () => void }) {
  const { i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [loading, setLoading] = useState(true);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);
  useEffect(() => {
    let live = true;
    const pt = i18n.language.startsWith('pt');
    void Promise.all([import('emoji-mart'), import('@emoji-mart/data'), pt ? import('@emoji-mart/data/i18n/pt.json') : Promise.resolve(null)]).then(
      ([{ Picker }, data, locale]) => {
        if (!live || !ref.current) return;
        const picker = new Picker({
          data: data.default,
          i18n: locale?.default,
          locale: pt ? 'pt' : 'en',
          set: 'native',
          theme: 'light',
          previewPosition: 'none',
          skinTonePosition: 'search',
          onEmojiSelect: (e: { native: string }) => pick.current(e.native),
        });
        ref.current.replaceChildren(picker as unknown as Node);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [i18n.language]);
  return (
    // Escape inside the picker's own search box closes it too (the key event leaves its shadow root).
    <div
      data-testid="emoji-picker"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation(); // not the inbox's "back to the list"
        onClose();
      }}
    >
      {loading && <Loader size="sm" m="md" />}
      <div ref={ref} />
    </div>
  );
}

/** `disabled` while the reply box is (a closed chat, a WhatsApp window that ended): an emoji would go nowhere. */
export function EmojiButton({ onPick, disabled = false }: { onPick: (emoji: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  // Escape closes it wherever the focus is (it stays on the button unless the search is used).
  useWindowEvent('keydown', (e) => opened && e.key === 'Escape' && setOpened(false));
  return (
    <Popover opened={opened} onChange={setOpened} position="top-start" shadow="md" withinPortal>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" className={touch.target} disabled={disabled} onClick={() => setOpened((o) => !o)} aria-label={t('inbox.composer.emoji')} data-testid="emoji-button">
          <IconMoodSmile size={20} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0}>{opened && <PickerHost onPick={onPick} onClose={() => setOpened(false)} />}</Popover.Dropdown>
    </Popover>
  );
}
