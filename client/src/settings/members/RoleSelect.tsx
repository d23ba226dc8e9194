import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../../auth/auth-store';
import { ROLES, type Role } from '../../auth/roles';

/** Only an owner may hand out the owner role; the server checks it too. */
export function RoleSelect(props: { value: Role; onChange: (role: Role) => void; disabled?: boolean; testId: string; label?: string }) {
  const { t } = useTranslation();
  const mine = useAuthStore((s) => s.role);
  const data = ROLES.filter((r) => r !== 'owner' || mine === 'owner').map((r) => ({ value: r, label: t(`settings.workspace.roles.${r}`) }));
  return (
    <Select
      label={props.label}
      data={data}
      value={props.value}
      onChange={(v) => v && props.onChange(v as Role)}
      disabled={props.disabled}
      w="100%"
      maw={160}
      data-testid={props.testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
