// The message the reply will answer, above the reply box: × (or Escape in the box) drops it.
import { CloseButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import touch from '../../shared/touch.module.css';
import { QuoteBox } from '../thread/QuotedMessage';
import type { Quote } from './reply-target';
import classes from './composer.module.css';

export function ReplyPreview({ quote, onCancel }: { quote: Quote; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" align="center" mb={6} className={classes.replyTo} data-testid="composer-reply-to">
      <div className={classes.replyToQuote}>
        <Text size="xs" c="dimmed">{t('inbox.composer.replyingTo')}</Text>
        <QuoteBox q={quote} />
      </div>
      <CloseButton size="md" className={touch.target} onClick={onCancel} aria-label={t('inbox.composer.cancelReply')} title={t('inbox.composer.cancelReply')} data-testid="composer-reply-cancel" />
    </Group>
  );
}
