import { Alert, Badge, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { EDITABLE_TEMPLATE_STATUSES } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import { useBelow } from '../shared/use-below';
import { fromComponents } from './template-draft';
import { TemplatePreview } from './TemplatePreview';
import { languageName } from './language-name';
import { STATUS_COLORS, type Template } from './templates-api';

type Props = { template: Template | null; onClose(): void; onEdit(t: Template): void; onDelete(t: Template): void };

/** What the marketer can do next, by status: wait for the review, correct it, or nothing to say. */
function statusHint(status: string): string | null {
  if (status === 'PENDING') return 'templates.detail.pendingHint';
  if (status === 'REJECTED') return 'templates.detail.rejectedHint';
  if (status === 'PAUSED') return 'templates.detail.pausedHint';
  if (status === 'APPROVED') return 'templates.detail.approvedHint';
  return null;
}

/**
 * One template as the customer will see it (the WhatsApp preview), with its language, category and
 * review status in words, Meta's reason when it refused, paused or flagged it, and the edit for those
 * Meta takes edits of (EDITABLE_TEMPLATE_STATUSES says why approved ones are left out).
 */
export function TemplateDetail({ template: x, onClose, onEdit, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const phone = useBelow('xs');
  const hint = x && statusHint(x.status);
  const editable = !!x && EDITABLE_TEMPLATE_STATUSES.includes(x.status);
  // Parts the form cannot show (a media header, a phone button) would be lost: such a one is edited at Meta.
  const formFits = !!x && fromComponents(x) !== null;
  return (
    <Drawer opened={!!x} onClose={onClose} position="right" size={phone ? '100%' : 'md'} closeButtonProps={{ 'aria-label': t('templates.detail.close') }}
      title={x && <Text ff="monospace" fw={600} style={{ wordBreak: 'break-all' }}>{x.name}</Text>} data-testid="template-detail">
      {x && (
        <Stack gap="md">
          <Group gap="xs">
            <Badge color={STATUS_COLORS[x.status] ?? 'gray'} variant="light" data-testid="detail-status" data-status={x.status}>{t(`templates.statuses.${x.status}`, { defaultValue: x.status })}</Badge>
            <Text size="sm" title={x.language} data-testid="detail-language">{languageName(x.language, i18n.language)}</Text>
            <Text size="sm" c="dimmed">·</Text>
            <Text size="sm" data-testid="detail-category">{t(`templates.categories.${x.category}`, { defaultValue: x.category })}</Text>
          </Group>
          {x.reason && (
            <Alert color={STATUS_COLORS[x.status] ?? 'gray'} title={t('templates.detail.reason')} data-testid="detail-reason">
              {t(`templates.reasons.${x.reason}`, { defaultValue: x.reason })}
            </Alert>
          )}
          {hint && <Text size="sm" c="dimmed" data-testid="detail-hint">{t(hint as never)}</Text>}
          <TemplatePreview components={x.components} />
          {x.qualityScore && x.qualityScore !== 'UNKNOWN' && <Text size="sm">{t('templates.quality')}: {t(`templates.qualities.${x.qualityScore}`, { defaultValue: x.qualityScore })}</Text>}
          {editable && !formFits && <Text size="sm" c="dimmed">{t('templates.detail.editAtMeta')}</Text>}
          <Group gap="sm">
            {editable && formFits && <Button leftSection={<IconPencil size={16} />} onClick={() => onEdit(x)} data-testid="detail-edit">{t('templates.detail.edit')}</Button>}
            <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={() => onDelete(x)} data-testid="detail-delete">{t('templates.delete')}</Button>
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}
