// Reply or private note, with emoji, attachments, `/shortcut` canned responses and the WhatsApp
// 24-hour window; in a note, `@name` mentions a teammate. Enter sends, Shift+Enter adds a line.
import { ActionIcon, FileButton, Group, SegmentedControl, Text, Textarea, Tooltip } from '@mantine/core';
import { IconLock, IconMessage, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useMergedRef } from '@mantine/hooks';
import { forwardRef, useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contactLabel } from '../format';
import touch from '../../shared/touch.module.css';
import { useInbox } from '../store/inbox-store';
import { sendFile } from '../sync/send-service';
import { CannedPicker } from './CannedPicker';
import { ConfirmAttachment } from './ConfirmAttachment';
import classes from './composer.module.css';
import { EmojiButton } from './EmojiButton';
import { MentionPicker } from './MentionPicker';
import { optionId } from './PickerList';
import { ReplyPreview } from './ReplyPreview';
import { useReplyTarget } from './reply-target';
import { useReplyBlock } from './use-reply-block';
import { useComposer, useComposerMode, type ComposerMode } from './use-composer';
import { useMentions } from './use-mentions';
import { TemplateSender } from './TemplateSender';
import { useNow, windowState, WindowNotice } from './WindowNotice';
import { focusMessages } from '../focus';

export const Composer = forwardRef<HTMLTextAreaElement>(function Composer(_props, ref) {
  const { t } = useTranslation();
  const detail = useInbox((s) => s.thread?.detail);
  const block = useReplyBlock();
  const c = useComposer(detail, block === null);
  const now = useNow();
  const setMode = c.setMode;
  // A file waiting for the agent's yes (chosen, pasted or dropped), and a drag over the composer.
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  // Each chat starts in reply mode: a note meant for one customer's chat must not follow to the next.
  useEffect(() => setMode('reply'), [detail?.id, setMode]);
  useEffect(() => setFile(null), [detail?.id]);
  // A quote chosen in one chat never follows to the next.
  useEffect(() => {
    const target = useReplyTarget.getState().target;
    if (target && target.conversationId !== detail?.id) useReplyTarget.getState().clear();
  }, [detail?.id]);
  const input = useRef<HTMLTextAreaElement>(null);
  // "Reply" on a bubble: the agent types the answer at once.
  const quoteId = c.quote?.id;
  useEffect(() => {
    if (quoteId) input.current?.focus();
  }, [quoteId]);
  const inputRef = useMergedRef(ref, input);
  // Moved here from another chat's reply box (Alt+↓): the agent types on in this one.
  const focusFor = useComposerMode((s) => s.focusFor);
  useEffect(() => {
    if (!focusFor || focusFor !== detail?.id || !input.current) return;
    input.current.focus();
    useComposerMode.getState().setFocusFor(null);
  }, [focusFor, detail?.id]);
  const mention = useMentions(detail?.id, c.text, c.setText, c.mode === 'note', input);
  const pickerId = useId();
  // A canned response left a blank: select it, so what the agent types replaces it.
  const { selectBlank, blankSelected } = c;
  useEffect(() => {
    if (!selectBlank || !input.current) return;
    input.current.focus();
    input.current.setSelectionRange(selectBlank.start, selectBlank.end);
    blankSelected();
  }, [selectBlank, blankSelected]);
  if (!detail) return null;
  const note = c.mode === 'note';
  const disabled = !note && block !== null;
  // Notes carry no files; a chat the agent cannot answer takes none either.
  const takesFiles = !note && !disabled;
  const hasFiles = (e: DragEvent) => takesFiles && e.dataTransfer.types.includes('Files');
  // The list open above the box, and its highlighted item: a screen reader reads it as the arrows move.
  const picker = c.query !== null && !note ? { id: `${pickerId}canned`, active: c.active, count: c.matches.length }
    : note && mention.open ? { id: `${pickerId}mention`, active: mention.active, count: mention.matches.length } : null;
  return (
    <div
      className={classes.root}
      data-note={note || undefined}
      data-dragging={dragging || undefined}
      data-testid="composer"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        setDragging(false);
        if (!hasFiles(e)) return;
        e.preventDefault();
        setFile(e.dataTransfer.files[0] ?? null);
      }}
    >
      {dragging && <div className={classes.dropHint}>{t('inbox.composer.dropHere')}</div>}
      <ConfirmAttachment
        file={file}
        to={contactLabel(detail.contact, (ref) => t('inbox.unnamedContact', { ref }))}
        onClose={() => setFile(null)}
        onSend={(f, caption) => {
          setFile(null);
          const quote = disabled ? undefined : c.quote ?? undefined;
          useReplyTarget.getState().clear();
          void sendFile(detail.id, f, caption, quote);
        }}
      />
      {c.query !== null && !note && <CannedPicker id={`${pickerId}canned`} items={c.matches} active={c.active} onPick={c.pick} />}
      {note && mention.open && <MentionPicker id={`${pickerId}mention`} items={mention.matches} active={mention.active} query={mention.query} onPick={mention.pick} />}
      {!note && <WindowNotice closesAt={detail.windowClosesAt} now={now} action={<TemplateSender detail={detail} />} />}
      <Group justify="space-between" mb={6} gap={4}>
        <SegmentedControl
          size="xs"
          value={c.mode}
          onChange={(v) => c.setMode(v as ComposerMode)}
          data={[
            { value: 'reply', label: <Group gap={4} wrap="nowrap"><IconMessage size={14} />{t('inbox.composer.reply')}</Group> },
            { value: 'note', label: <Group gap={4} wrap="nowrap" data-testid="composer-mode-note"><IconLock size={14} />{t('inbox.composer.note')}</Group> },
          ]}
        />
        {note && <Text size="xs" c="yellow.9" data-testid="note-hint">{t('inbox.composer.noteHint')}</Text>}
        {!note && block === null && windowState(detail.windowClosesAt, now) === 'open' && <TemplateSender detail={detail} variant="subtle" />}
      </Group>
      {disabled && <Text size="xs" c="orange.8" mb={6} data-testid="reply-blocked">{block}</Text>}
      {!disabled && c.quote && <ReplyPreview quote={c.quote} onCancel={() => useReplyTarget.getState().clear()} />}
      {!disabled && !note && c.blank && (
        <Text size="xs" c="orange.8" mb={6} data-testid="composer-blank">{t('inbox.composer.fillBlank', { placeholder: `{{${c.blank.name}}}` })}</Text>
      )}
      <Group gap={4} align="flex-end" wrap="nowrap">
        {!note && <EmojiButton disabled={disabled} onPick={(emoji) => c.setText(c.text + emoji)} />}
        {!note && (
          <FileButton onChange={setFile} accept="image/*,audio/*,video/*,application/pdf,.doc,.docx,.xls,.xlsx,.txt,.csv">
            {(props) => (
              <ActionIcon {...props} variant="subtle" color="gray" size="lg" className={touch.target} disabled={disabled} aria-label={t('inbox.composer.attach')} data-testid="attach">
                <IconPaperclip size={20} />
              </ActionIcon>
            )}
          </FileButton>
        )}
        <Textarea
          ref={inputRef}
          flex={1}
          autosize
          minRows={1}
          maxRows={6}
          value={c.text}
          disabled={disabled}
          onChange={(e) => {
            c.setText(e.currentTarget.value);
            mention.onCaret(e.currentTarget.selectionStart, e.currentTarget.value);
          }}
          onSelect={(e) => mention.onCaret(e.currentTarget.selectionStart, e.currentTarget.value)}
          onKeyDown={(e) => {
            if (note && mention.onKeyDown(e)) return;
            c.onKeyDown(e);
            // Nothing left for Escape to close here (a list, a quote): it leaves the box for the
            // messages, where the letter shortcuts work again and a second Escape goes back to the list.
            if (e.key === 'Escape' && !e.defaultPrevented) focusMessages();
          }}
          onPaste={(e) => {
            // A pasted screenshot or copied file; pasted text goes in as usual.
            const pasted = e.clipboardData.files[0];
            if (!takesFiles || !pasted) return;
            e.preventDefault();
            setFile(pasted);
          }}
          placeholder={t(note ? 'inbox.composer.notePlaceholder' : 'inbox.composer.placeholder')}
          aria-label={t(note ? 'inbox.composer.note' : 'inbox.composer.reply')}
          aria-autocomplete={picker ? 'list' : undefined}
          aria-controls={picker?.id}
          aria-activedescendant={picker && picker.active < picker.count ? optionId(picker.id, picker.active) : undefined}
          classNames={{ input: classes.input }}
          styles={note ? { input: { background: '#fff4c2', borderColor: '#e0b800' } } : undefined}
          data-testid="composer-input"
        />
        <Tooltip label={t(note ? 'inbox.composer.addNote' : 'inbox.composer.send')} openDelay={400}>
          <ActionIcon
            size="lg"
            className={touch.target}
            color={note ? 'yellow' : 'teal'}
            // The box keeps the focus: the agent types on (letters are inbox shortcuts elsewhere) and a
            // phone's keyboard stays open between messages.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              input.current?.focus();
              void c.submit();
            }}
            disabled={disabled || !c.text.trim() || (!note && c.blank !== null)} aria-label={t(note ? 'inbox.composer.addNote' : 'inbox.composer.send')} data-testid="composer-send">
            <IconSend size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </div>
  );
});
