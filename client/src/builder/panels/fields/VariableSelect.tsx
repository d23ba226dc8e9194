import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowStoreApi } from '../../store/flow-store-context';
import { newVariableName } from './new-variable';
import { useDeclaredVariables } from './use-variables';

interface VariableSelectProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  testId?: string;
}

/** The option that declares the typed name in the flow settings and picks it. */
const CREATE = '\u0000create:';

/** Names that contain the search; the "create" option stays, its name being the search respelled. */
const filter: OptionsFilter = ({ options, search }) => {
  const s = search.toLowerCase().trim();
  return (options as ComboboxItem[]).filter((o) => o.value.startsWith(CREATE) || o.label.toLowerCase().includes(s));
};

/** "Save as": one of the declared variables, a new one typed here, or nothing. */
export function VariableSelect({ label, value, onChange, testId }: VariableSelectProps) {
  const { t } = useTranslation();
  const store = useFlowStoreApi();
  const declared = useDeclaredVariables();
  const [search, setSearch] = useState('');
  // A value that is not declared (yet) stays visible so the validator's complaint makes sense.
  const names = value && !declared.includes(value) ? [...declared, value] : declared;
  const created = search !== value ? newVariableName(search, names) : null;
  const data = created ? [...names, { value: CREATE + created, label: t('builder.fields.createVariable', { name: created }) }] : names;
  const pick = (picked: string | null) => {
    if (!picked?.startsWith(CREATE)) return onChange(picked);
    const name = picked.slice(CREATE.length);
    const settings = store.getState().settings;
    store.getState().setSettings({ ...settings, variables: [...settings.variables, { name }] });
    onChange(name);
  };
  return (
    <Select
      label={label}
      placeholder={t('builder.fields.dontSave')}
      description={declared.length === 0 ? t('builder.fields.declareHint') : undefined}
      data={data}
      value={value}
      onChange={pick}
      searchable
      filter={filter}
      searchValue={search}
      onSearchChange={setSearch}
      // Clearing is the ×: picking the chosen name again keeps it (the theme's Select default).
      clearable
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
