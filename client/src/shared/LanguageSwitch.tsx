import { NativeSelect } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isLanguage, setLanguage } from '../i18n';
import type { Language } from '../i18n';
import { useBelow } from './use-below';

// Codes rather than translated names: each option must be recognisable to someone who
// can't read the language currently on screen.
const options: { value: Language; label: string }[] = [
  { value: 'en', label: 'EN' },
  { value: 'pt-BR', label: 'PT-BR' },
];

/**
 * A native <select> so keyboard, screen readers and tests (selectOption) all just work. `short`: the
 * code alone, as on a phone, where the page's header is short of room.
 */
export function LanguageSwitch({ short = false }: { short?: boolean }) {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  // On a phone the header needs the room (for the workspace's name): the code alone says enough.
  const codeOnly = useBelow('xs') || short;
  return (
    <NativeSelect
      data-testid="lang-switch"
      aria-label={t('shell.language')}
      title={t('shell.language')}
      size="xs"
      w={codeOnly ? 76 : 104}
      leftSection={codeOnly ? undefined : <IconLanguage size={16} />}
      data={options}
      value={current}
      onChange={(e) => {
        const next = e.currentTarget.value;
        if (isLanguage(next)) void setLanguage(next);
      }}
    />
  );
}
