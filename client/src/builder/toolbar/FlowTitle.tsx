import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The flow name, renamed in place (Enter or leaving the field saves; Escape cancels). */
export function FlowTitle({ name, onRename }: { name: string; onRename: (name: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    const next = draft?.trim();
    setDraft(null);
    if (next && next !== name) void onRename(next);
  };
  return (
    <TextInput
      variant="unstyled"
      size="md"
      fw={600}
      w={260}
      miw={120}
      maxLength={120}
      aria-label={t('flows.nameLabel')}
      value={draft ?? name}
      onFocus={() => setDraft(name)}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          setDraft(name);
          requestAnimationFrame(() => (document.activeElement as HTMLElement | null)?.blur());
        }
      }}
      // Squeezed by a long publish chip (pt-BR), a long name ends in "…" and shows whole on hover.
      title={draft === null ? name : undefined}
      styles={{ input: { fontWeight: 600, fontSize: 17, textOverflow: 'ellipsis' } }}
      data-testid="flow-title"
    />
  );
}
