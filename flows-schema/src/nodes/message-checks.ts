import { charLength } from '../localized';
import { normalizeText } from '../text/normalize';
import type { ProblemDraft } from '../validate/problems';
import { repeatedIndexes } from './common';
import type { MessageConfig } from './message-config';

// WhatsApp Cloud API limits for text, interactive and media messages.
export const WHATSAPP_LIMITS = {
  text: 4096,
  interactiveBody: 1024,
  mediaCaption: 1024,
  buttons: 3,
  buttonTitle: 20,
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  listButtonLabel: 20,
} as const;

function lengthProblem(text: string, max: number, path: string, code: ProblemDraft['code']): ProblemDraft[] {
  const length = charLength(text);
  return length > max ? [{ code, path, params: { max, length } }] : [];
}

/** An empty title names what it belongs to (button 2, row 3): a message may have several. */
type Untitled = { code: 'title_required' } | { code: 'button_title_required' | 'row_title_required'; n: number };

function titleProblems(title: string, max: number, path: string, untitled: Untitled): ProblemDraft[] {
  if (title.trim() === '') return [{ code: untitled.code, path, ...('n' in untitled ? { params: { n: untitled.n } } : {}) }];
  return lengthProblem(title, max, path, 'title_too_long');
}

function checkText(config: MessageConfig): ProblemDraft[] {
  if (config.text.trim() === '') return config.media ? [] : [{ code: 'text_required', path: 'text' }];
  const interactive = config.buttons.length > 0 || config.list !== null;
  // Audio cannot carry a caption, so the engine sends its text as a separate message.
  const captioned = config.media !== null && config.media.kind !== 'audio';
  const max = interactive
    ? WHATSAPP_LIMITS.interactiveBody
    : captioned
      ? WHATSAPP_LIMITS.mediaCaption
      : WHATSAPP_LIMITS.text;
  return lengthProblem(config.text, max, 'text', 'text_too_long');
}

function checkButtons(config: MessageConfig): ProblemDraft[] {
  const { buttons } = config;
  const problems: ProblemDraft[] = [];
  if (buttons.length > WHATSAPP_LIMITS.buttons) {
    problems.push({ code: 'too_many_buttons', path: 'buttons', params: { max: WHATSAPP_LIMITS.buttons } });
  }
  buttons.forEach((button, i) =>
    problems.push(...titleProblems(button.title, WHATSAPP_LIMITS.buttonTitle, `buttons.${i}.title`, { code: 'button_title_required', n: i + 1 })),
  );
  for (const i of repeatedIndexes(buttons, (button) => button.id)) {
    problems.push({
      code: 'duplicate_button_id',
      path: `buttons.${i}.id`,
      params: { id: buttons[i]?.id ?? '' },
    });
  }
  // The engine matches a typed reply to a button by normalized title, so "Sim" and "sim" collide.
  for (const i of repeatedIndexes(buttons, (button) => normalizeText(button.title) || null)) {
    problems.push({
      code: 'duplicate_button_title',
      path: `buttons.${i}.title`,
      params: { title: buttons[i]?.title ?? '' },
    });
  }
  return problems;
}

function checkList(config: MessageConfig): ProblemDraft[] {
  const { list } = config;
  if (!list) return [];
  const problems = titleProblems(list.buttonLabel, WHATSAPP_LIMITS.listButtonLabel, 'list.buttonLabel', { code: 'title_required' });
  if (config.buttons.length > 0) problems.push({ code: 'buttons_and_list', path: 'list' });
  if (list.rows.length === 0) problems.push({ code: 'list_empty', path: 'list.rows' });
  if (list.rows.length > WHATSAPP_LIMITS.listRows) {
    problems.push({ code: 'too_many_rows', path: 'list.rows', params: { max: WHATSAPP_LIMITS.listRows } });
  }
  list.rows.forEach((row, i) => {
    problems.push(...titleProblems(row.title, WHATSAPP_LIMITS.rowTitle, `list.rows.${i}.title`, { code: 'row_title_required', n: i + 1 }));
    const description = row.description ?? '';
    const path = `list.rows.${i}.description`;
    problems.push(
      ...lengthProblem(description, WHATSAPP_LIMITS.rowDescription, path, 'description_too_long'),
    );
  });
  for (const i of repeatedIndexes(list.rows, (row) => row.id)) {
    problems.push({
      code: 'duplicate_row_id',
      path: `list.rows.${i}.id`,
      params: { id: list.rows[i]?.id ?? '' },
    });
  }
  return problems;
}

function checkMedia(config: MessageConfig): ProblemDraft[] {
  const { media } = config;
  if (!media) return [];
  if (!media.url && !media.storageKey) return [{ code: 'media_source_missing', path: 'media' }];
  if (media.url && !/^https?:\/\/[^\s/?#]+\S*$/i.test(media.url)) {
    return [{ code: 'media_url_invalid', path: 'media.url' }];
  }
  return [];
}

export function checkMessage(config: MessageConfig): ProblemDraft[] {
  return [...checkText(config), ...checkButtons(config), ...checkList(config), ...checkMedia(config)];
}
