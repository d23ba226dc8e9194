import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDeclaredVariables } from './use-variables';

interface VariableSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  testId?: string;
}

/** "Save as": one of the declared variables, or nothing. */
export function VariableSelect({ label, value, onChange, testId }: VariableSelectProps) {
  const { t } = useTranslation();
  const declared = useDeclaredVariables();
  // A value that is not declared (yet) stays visible so the validator's complaint makes sense.
  const names = value && !declared.includes(value) ? [...declared, value] : declared;
  return (
    <Select
      label={label}
      placeholder={t('builder.fields.dontSave')}
      description={declared.length === 0 ? t('builder.fields.declareHint') : undefined}
      data={names}
      value={value}
      onChange={onChange}
      // Clearing is the ×: picking the chosen name again keeps it (Mantine would deselect it, and the
      // answer would silently stop being saved).
      clearable
      allowDeselect={false}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
