import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconList, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import styles from './test-chat.module.css';
import type { ChatChoice, ChatItem } from './test-api';

interface ChatBubbleProps {
  item: ChatItem;
  /** Only the latest bot message's choices can still be tapped. */
  active: boolean;
  onChoose: (choice: ChatChoice) => void;
}

function Choices({ choices, active, onChoose }: { choices: ChatChoice[]; active: boolean; onChoose: (c: ChatChoice) => void }) {
  return (
    <Stack gap={4} mt={6}>
      {choices.map((c) => (
        <Button key={c.id} size="compact-sm" variant="white" className={styles.choice} disabled={!active} onClick={() => onChoose(c)} data-testid={`test-reply-${c.id}`}>
          {c.title}
        </Button>
      ))}
    </Stack>
  );
}

type Media = NonNullable<NonNullable<ChatItem['payload']>['media']>;

/** The step's attachment as the customer gets it: the picture, a player, or the file's name to open. */
function Attachment({ media, url }: { media: Media; url: string }) {
  const { t } = useTranslation();
  if (media.kind === 'image') return <img src={url} alt={media.filename ?? ''} className={styles.media} data-testid="test-media" />;
  if (media.kind === 'video') return <video src={url} controls preload="metadata" className={styles.media} data-testid="test-media" />;
  if (media.kind === 'audio') return <audio src={url} controls preload="metadata" className={styles.media} data-testid="test-media" />;
  return (
    <Anchor href={url} target="_blank" rel="noopener" size="sm" data-testid="test-media">
      <Group gap={4} wrap="nowrap"><IconPaperclip size={14} />{media.filename || t('builder.test.file')}</Group>
    </Anchor>
  );
}

export function ChatBubble({ item, active, onChoose }: ChatBubbleProps) {
  const { t } = useTranslation();
  const fromBot = item.direction === 'out';
  const { buttons, list, media } = item.payload ?? {};
  const mediaUrl = media?.url && /^https?:\/\//i.test(media.url) ? media.url : null;
  return (
    <div className={fromBot ? styles.rowBot : styles.rowMe}>
      <div className={fromBot ? styles.bubbleBot : styles.bubbleMe} data-testid={fromBot ? 'test-bot-message' : 'test-my-message'}>
        {media && mediaUrl && <Attachment media={media} url={mediaUrl} />}
        {item.text && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {item.text}
          </Text>
        )}
        {buttons && buttons.length > 0 && <Choices choices={buttons} active={active} onChoose={onChoose} />}
        {list && (
          <>
            <Text size="xs" c="dimmed" mt={6} className={styles.listLabel}>
              <IconList size={12} /> {list.buttonLabel || t('builder.test.options')}
            </Text>
            <Choices choices={list.rows} active={active} onChoose={onChoose} />
          </>
        )}
      </div>
    </div>
  );
}
