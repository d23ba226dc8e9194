// The flows that read or set a field, named where a rename or a delete is confirmed: they keep the
// old name and will need editing.
import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContactField } from '../contacts-api';

export function FlowsUsing({ field }: { field: ContactField }) {
  const { t } = useTranslation();
  if (field.flows.length === 0) return null;
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} />} data-testid="field-flows-warning">
      {t('contacts.fields.flowsWarning', { count: field.flows.length, name: field.key, flows: field.flows.map((f) => `“${f.name}”`).join(', ') })}
    </Alert>
  );
}
