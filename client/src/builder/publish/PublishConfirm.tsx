// Publishing with warnings asks first and lists them, grouped by step: warnings do not block
// publishing, but customers will meet them.
import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { groupProblems } from '../problems/group-problems';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';
import { useLocale } from '../../i18n/use-locale';

export function PublishConfirm({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const store = useFlowStoreApi();
  const problems = useFlowStore((s) => s.problems);
  const warnings = useMemo(() => {
    const { nodes, edges } = store.getState();
    return groupProblems(problems, nodes, edges, locale).find((g) => g.severity === 'warning');
  }, [problems, store, locale]);
  const count = warnings?.count ?? 0;
  return (
    <Modal opened onClose={onCancel} title={t('builder.publish.confirmTitle', { count })} size="lg">
      <Stack gap="sm" data-testid="publish-confirm">
        <Text size="sm">{t('builder.publish.confirmBody')}</Text>
        {warnings?.groups.map((g) => (
          <div key={`${g.nodeId ?? ''}-${g.connection}`}>
            <Text size="sm" fw={600}>
              {g.title ?? t('builder.problems.flow')}
              {g.detail && <Text span size="sm" c="dimmed" fw={400}> · {g.detail}</Text>}
            </Text>
            <List size="sm">
              {g.problems.map((p, i) => (
                <List.Item key={i}>{p.message[locale]}</List.Item>
              ))}
            </List>
          </div>
        ))}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} data-testid="publish-review">
            {t('builder.publish.review')}
          </Button>
          <Button color="orange" onClick={onConfirm} data-testid="publish-confirm-button">
            {t('builder.publish.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
