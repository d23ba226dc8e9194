// "Test this flow": a WhatsApp-like chat beside the canvas that runs the saved draft through the
// real pipeline. Tapping a reply button or list row sends its id, as WhatsApp would.
import { ActionIcon, Alert, Button, Divider, Group, ScrollArea, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconHeadset, IconPlayerPlay, IconRefresh, IconSend, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowStore, useFlowStoreApi } from '../store/flow-store-context';
import { ChatBubble } from './ChatBubble';
import styles from './test-chat.module.css';
import panelStyles from '../panels/side-panel.module.css';
import { selectStartKeyword } from './start-keyword';
import { useFollowTestNode } from './use-follow-node';
import { failureText } from './failure-text';
import { runFailure } from './trail';
import { useTestRun } from './use-test-run';
import { VariablesView } from './VariablesView';

export function TestChatPanel({ flowId, saveDraft }: { flowId: string; saveDraft: () => Promise<boolean> }) {
  const { t, i18n } = useTranslation();
  const store = useFlowStoreApi();
  const { status, messages, session, log, handoff, start, send, running } = useTestRun(flowId, saveDraft);
  const [text, setText] = useState('');
  const keyword = useFlowStore(selectStartKeyword);
  useFollowTestNode();
  const viewport = useRef<HTMLDivElement>(null);
  const lastBot = [...messages].reverse().find((m) => m.direction === 'out');
  const failure = runFailure(log);
  const ended = !handoff && session?.status === 'ended';

  // The closing notices (handed to a human, ended, failed) come after the last message and would
  // otherwise sit below the fold, so their arrival scrolls as a new message does; so does a language
  // switch, whose longer wording can push the last notice down.
  useEffect(() => {
    viewport.current?.scrollTo({ top: viewport.current.scrollHeight, behavior: 'smooth' });
  }, [messages.length, handoff, ended, failure?.error, i18n.language]);

  const submit = () => {
    const value = text.trim();
    if (!value || !running) return;
    setText('');
    void send(value);
  };

  return (
    <aside className={panelStyles.panel} data-testid="test-panel">
      <Group justify="space-between" className={panelStyles.header} wrap="nowrap">
        <Text fw={600}>{t('builder.test.title')}</Text>
        <Group gap={4} wrap="nowrap">
          {running && (
            <Tooltip label={t('builder.test.restart')}>
              <ActionIcon variant="subtle" onClick={() => void start()} aria-label={t('builder.test.restart')} data-testid="test-restart">
                <IconRefresh size={18} />
              </ActionIcon>
            </Tooltip>
          )}
          <ActionIcon variant="subtle" color="gray" onClick={() => store.getState().setTestOpen(false)} aria-label={t('builder.panel.close')}>
            <IconX size={18} />
          </ActionIcon>
        </Group>
      </Group>
      <ScrollArea className={styles.messages} viewportRef={viewport} type="auto">
        <Stack gap={6} p="sm">
          {!running && (
            <Stack align="center" gap="sm" py="lg">
              <Text size="sm" c="dimmed" ta="center">
                {t('builder.test.intro')}
              </Text>
              <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => void start()} loading={status === 'starting'} data-testid="test-start">
                {t('builder.test.start')}
              </Button>
            </Stack>
          )}
          {status === 'error' && <Alert color="red" p="xs">{t('builder.test.error')}</Alert>}
          {running && messages.length === 0 && (
            <Text size="xs" c="dimmed" ta="center">
              {keyword ? t('builder.test.sayKeyword', { keyword }) : t('builder.test.sayHi')}
            </Text>
          )}
          {messages.map((m) => (
            <ChatBubble key={m.id} item={m} active={m === lastBot} onChoose={(c) => void send(c.title, c.id)} />
          ))}
          {handoff && (
            <Alert color="blue" p="xs" icon={<IconHeadset size={18} />} data-testid="test-handoff" data-node-id={handoff}>
              {t('builder.test.handedOff')}
            </Alert>
          )}
          {/* Why the run stopped, then that it did. */}
          {failure && (
            <Alert color="orange" p="xs" data-testid="test-failure">
              {failureText(failure, t)}
            </Alert>
          )}
          {ended && (
            <Text size="xs" c="dimmed" ta="center" data-testid="test-ended">
              {t('builder.test.ended')}
            </Text>
          )}
        </Stack>
      </ScrollArea>
      <form
        className={styles.composer}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextInput style={{ flex: 1 }} value={text} onChange={(e) => setText(e.currentTarget.value)} placeholder={handoff ? t('builder.test.handedOffPlaceholder') : t('builder.test.placeholder')} disabled={!running || handoff !== null} data-testid="test-input" />
        <ActionIcon type="submit" size="lg" disabled={!running || !text.trim()} aria-label={t('builder.test.send')} data-testid="test-send">
          <IconSend size={18} />
        </ActionIcon>
      </form>
      <Divider />
      <ScrollArea.Autosize mah={200} p="sm">
        <VariablesView session={session} />
      </ScrollArea.Autosize>
    </aside>
  );
}
