import { Stack, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TemplateField } from './fields/TemplateField';
import type { PanelProps } from './panel-props';
import { useNodeConfig } from './use-node-config';

export function TransferPanel({ nodeId }: PanelProps) {
  const { t } = useTranslation();
  const { config, patch } = useNodeConfig(nodeId, 'transfer');
  return (
    <Stack gap="md">
      <TextInput
        label={t('builder.transfer.team')}
        description={t('builder.transfer.teamHint')}
        placeholder={t('builder.transfer.teamPlaceholder')}
        value={config.team ?? ''}
        // An empty team means "anyone", which the schema spells null.
        onChange={(e) => patch({ team: e.currentTarget.value.trim() === '' ? null : e.currentTarget.value })}
        data-testid="transfer-team"
      />
      <TemplateField
        label={t('builder.transfer.message')}
        placeholder={t('builder.transfer.messagePlaceholder', { name: '{{contact.name}}' })}
        value={config.message}
        onChange={(message) => patch({ message })}
        testId="transfer-message"
      />
      <TagsInput label={t('builder.transfer.tags')} description={t('builder.tagsHint')} value={config.tags} onChange={(tags) => patch({ tags })} />
    </Stack>
  );
}
