import { Paper, Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage, setLanguage } from '../i18n';
import type { Language } from '../i18n';

// Each language in its own words: the right option must be findable by someone who can't read
// the language currently on screen.
const options: { value: Language; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'pt-BR', label: 'Português (Brasil)' },
];

export function LanguageTab() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <Paper withBorder p="lg" radius="md" maw={560}>
      {/* setLanguage stores the pick under localStorage `zyntra.lang`, read back on every load. */}
      <Radio.Group
        value={current}
        onChange={(next) => {
          if (isLanguage(next)) void setLanguage(next);
        }}
        label={t('settings.language.label')}
        description={t('settings.language.description')}
        name="language"
      >
        <Stack gap="sm" mt="md">
          {options.map((o) => (
            <Radio
              key={o.value}
              value={o.value}
              label={o.label}
              lang={o.value}
              data-testid={`lang-radio-${o.value}`}
            />
          ))}
        </Stack>
      </Radio.Group>
    </Paper>
  );
}
