import { Group, Select, Stack, TextInput } from '@mantine/core';
import type { MessageConfig } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import { useFieldText } from './fields/use-field-text';

type Media = MessageConfig['media'];
type Kind = NonNullable<Media>['kind'];
const KINDS: Kind[] = ['image', 'document', 'audio', 'video'];

/** Optional attachment by link (http/https); uploads arrive with the media library. */
export function MediaEditor({ media, onChange }: { media: Media; onChange: (media: Media) => void }) {
  const { t } = useTranslation();
  const f = useFieldText('message');
  const data = [{ value: 'none', label: t('builder.message.mediaNone') }, ...f.options('media.kind', KINDS)];
  return (
    <Stack gap={6}>
      <Select
        size="xs"
        label={f.label('media.kind')}
        data={data}
        value={media?.kind ?? 'none'}
        onChange={(v) => onChange(!v || v === 'none' ? null : { ...media, kind: v as Kind })}
        comboboxProps={{ withinPortal: true }}
      />
      {media && (
        <Group gap={6} grow>
          <TextInput
            size="xs"
            placeholder={f.placeholder('media.url')}
            aria-label={f.label('media.url')}
            value={media.url ?? ''}
            onChange={(e) => onChange({ ...media, url: e.currentTarget.value })}
          />
          {media.kind === 'document' && (
            <TextInput
              size="xs"
              placeholder={f.placeholder('media.filename')}
              aria-label={f.label('media.filename')}
              value={media.filename ?? ''}
              onChange={(e) => onChange({ ...media, filename: e.currentTarget.value || undefined })}
            />
          )}
        </Group>
      )}
    </Stack>
  );
}
