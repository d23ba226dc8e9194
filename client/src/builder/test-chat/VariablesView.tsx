import { Code, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stepTitle } from '../finder/search-steps';
import { useFlowStore } from '../store/flow-store-context';
import { useLocale } from '../../i18n/use-locale';
import type { SessionView } from './test-api';

/** Where the test conversation is and what it has collected so far. */
export function VariablesView({ session }: { session: SessionView | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const node = useFlowStore((s) => s.nodes.find((n) => n.id === session?.currentNodeId));
  const vars = Object.entries(session?.vars ?? {});
  const step = node && session?.status === 'active' ? stepTitle(node, locale) : null;
  return (
    <Stack gap={6} data-testid="test-vars">
      <Group gap={6}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          {t('builder.test.status')}
        </Text>
        <Text size="xs" data-testid="test-status">
          {session ? t(`builder.test.sessionStatus.${session.status === 'active' ? 'active' : session.status === 'none' ? 'none' : 'ended'}`) : '—'}
          {step && ` · ${step}`}
        </Text>
      </Group>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {t('builder.test.variables')}
      </Text>
      {vars.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('builder.test.noVariables')}
        </Text>
      ) : (
        <Table withRowBorders={false} verticalSpacing={2} fz="xs">
          <Table.Tbody>
            {vars.map(([name, value]) => (
              <Table.Tr key={name} data-testid={`test-var-${name}`}>
                <Table.Td w="40%">
                  <Code fz="xs">{name}</Code>
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{String(value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
