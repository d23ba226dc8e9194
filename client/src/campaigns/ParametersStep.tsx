// The wizard's second step: each value the template takes, with a picker of contact fields beside the
// text ones, and the message as one of the channel's contacts would read it.
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TemplateComponent } from '@zyntra/flows-schema';
import { TemplatePreview } from '../templates/TemplatePreview';
import { TemplateValueFields } from '../templates/TemplateValueFields';
import { type TemplateValues, previewComponents } from '../templates/template-values';
import { useAttributeKeys } from '../contacts/use-attribute-keys';
import { contactFields } from './contact-fields';
import { useSampleContact } from './use-sample-contact';
import { VariablePicker } from './VariablePicker';

type Props = {
  active: boolean; channelId: string | null; language: string; noParameters: boolean;
  components: TemplateComponent[]; values: TemplateValues; onValues(v: TemplateValues): void;
};

export function ParametersStep({ active, channelId, language, noParameters, components, values, onValues }: Props) {
  const { t } = useTranslation();
  const fields = contactFields(useAttributeKeys(active));
  const sample = useSampleContact(active ? channelId : null);
  return (
    <Stack gap="sm" mt="md">
      <Text size="sm" c="dimmed">{t('campaigns.wizard.parametersHint')}</Text>
      {noParameters && <Text size="sm">{t('campaigns.wizard.noParameters')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }} data-testid="wizard-parameters">
        <TemplateValueFields components={components} values={values} onChange={(update) => onValues(update(values))}
          picker={(apply, name) => <VariablePicker fields={fields} language={language} onPick={apply} testId={`pick-${name}`} />} />
        <Stack gap={4}>
          {sample && <Text size="xs" c="dimmed" data-testid="preview-sample">{t('campaigns.wizard.previewFor', { name: sample.name })}</Text>}
          <TemplatePreview components={previewComponents(components, values, sample?.vars)} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
