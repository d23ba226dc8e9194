import { describe, expect, it } from 'vitest';
import { messageNode, type MessageConfig } from './message';

const ctx = { declaredVariables: new Set<string>() };
const config = (patch: Partial<MessageConfig>): MessageConfig => ({
  ...messageNode.defaults(),
  text: 'Olá!',
  ...patch,
});
const codes = (c: MessageConfig) => (messageNode.check?.(c, ctx) ?? []).map((p) => `${p.code}@${p.path}`);
const buttons = (...titles: string[]) => titles.map((title, i) => ({ id: `b${i}`, title }));
const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));

describe('message node: schema', () => {
  it('when given text, buttons, media and a delay, then the schema accepts it and check is clean', () => {
    const valid = config({
      buttons: buttons('Sim', 'Não'),
      media: { kind: 'image', url: 'https://cdn.example.com/a.png' },
      typingDelayMs: 1500,
    });
    expect(messageNode.config.safeParse(valid).success).toBe(true);
    expect(codes(valid)).toEqual([]);
  });

  it.each([
    ['typing delay above 10 s', { typingDelayMs: 10_001 }],
    ['unknown media kind', { media: { kind: 'sticker', url: 'https://x.io/a' } }],
    ['button without id', { buttons: [{ title: 'Sim' }] }],
    ['list without rows array', { list: { buttonLabel: 'Ver' } }],
    ['text missing', { text: undefined }],
  ])('when the config has %s, then the schema rejects it', (_name, patch) => {
    expect(messageNode.config.safeParse({ ...messageNode.defaults(), ...patch }).success).toBe(false);
  });
});

describe('message node: WhatsApp limits', () => {
  it('when the text is blank and there is no media, then text is required; with media it is optional', () => {
    expect(codes(config({ text: ' ' }))).toEqual(['text_required@text']);
    expect(codes(config({ text: '', media: { kind: 'audio', storageKey: 'k' } }))).toEqual([]);
  });

  it('when the text exceeds 4096, or 1024 with buttons, a list or a caption, then it is too long', () => {
    expect(codes(config({ text: 'a'.repeat(4096) }))).toEqual([]);
    expect(codes(config({ text: 'a'.repeat(4097) }))).toEqual(['text_too_long@text']);
    expect(codes(config({ text: 'a'.repeat(1025), buttons: buttons('Ok') }))).toEqual(['text_too_long@text']);
    expect(codes(config({ text: 'a'.repeat(1025), media: { kind: 'image', storageKey: 'k' } }))).toEqual([
      'text_too_long@text',
    ]);
    expect(codes(config({ text: 'a'.repeat(1025), media: { kind: 'audio', storageKey: 'k' } }))).toEqual([]);
  });

  it('when an emoji is used, then it counts as one character', () => {
    const check = messageNode.check?.(config({ text: '👍'.repeat(4097) }), ctx);
    expect(check?.[0]?.params).toEqual({ max: 4096, length: 4097 });
  });
});

describe('message node: buttons', () => {
  it('when there are more than 3 buttons or a title is empty or over 20 chars, then each is reported', () => {
    expect(codes(config({ buttons: buttons('a', 'b', 'c', 'd') }))).toEqual(['too_many_buttons@buttons']);
    expect(codes(config({ buttons: buttons('', 'x'.repeat(21), 'x'.repeat(20)) }))).toEqual([
      'button_title_required@buttons.0.title',
      'title_too_long@buttons.1.title',
    ]);
  });

  it('when a button or row has no title yet, then its output is named by its place, never an empty label', () => {
    const labels = (c: MessageConfig) => messageNode.outputs(c).map((o) => o.label['pt-BR']);
    expect(labels(config({ buttons: buttons('Sim', ' ') }))).toEqual(['Sim', 'Botão 2', expect.any(String)]);
    expect(messageNode.outputs(config({ buttons: buttons('', 'Não') }))[0]!.label.en).toBe('Button 1');
    expect(labels(config({ list: { buttonLabel: 'Ver', rows: [{ id: 'r0', title: '' }] } }))[0]).toBe('Opção 1');
  });

  it('when button ids repeat or titles repeat ignoring case and accents, then duplicates are reported', () => {
    const dupes = [
      { id: 'a', title: 'Não' },
      { id: 'a', title: 'nao' },
    ];
    expect(codes(config({ buttons: dupes }))).toEqual([
      'duplicate_button_id@buttons.1.id',
      'duplicate_button_title@buttons.1.title',
    ]);
  });

  it('when both buttons and a list are set, then buttons_and_list is reported', () => {
    expect(codes(config({ buttons: buttons('a'), list: { buttonLabel: 'Ver', rows: rows(1) } }))).toEqual([
      'buttons_and_list@list',
    ]);
  });
});

describe('message node: list and media', () => {
  it('when a list breaks the row, title, description or label limits, then each is reported', () => {
    const list = {
      buttonLabel: 'x'.repeat(21),
      rows: [...rows(10), { id: 'r0', title: 'y'.repeat(25), description: 'z'.repeat(73) }],
    };
    expect(codes(config({ list }))).toEqual([
      'title_too_long@list.buttonLabel',
      'too_many_rows@list.rows',
      'title_too_long@list.rows.10.title',
      'description_too_long@list.rows.10.description',
      'duplicate_row_id@list.rows.10.id',
    ]);
    expect(codes(config({ list: { buttonLabel: '', rows: [] } }))).toEqual([
      'title_required@list.buttonLabel',
      'list_empty@list.rows',
    ]);
  });

  it('when media has neither url nor storageKey, or a non-http url, then it is reported', () => {
    expect(codes(config({ media: { kind: 'image' } }))).toEqual(['media_source_missing@media']);
    expect(codes(config({ media: { kind: 'video', url: 'ftp://x/y' } }))).toEqual([
      'media_url_invalid@media.url',
    ]);
  });
});

describe('message node: outputs', () => {
  it('when there are buttons, then each button is a required handle plus an optional no_match', () => {
    const outputs = messageNode.outputs(config({ buttons: buttons('Sim', 'Não') }));
    expect(outputs.map((o) => [o.id, o.required])).toEqual([
      ['btn:b0', true],
      ['btn:b1', true],
      ['no_match', false],
    ]);
    expect(outputs[1]?.label).toEqual({ en: 'Não', 'pt-BR': 'Não' });
  });

  it('when there is a list, then each row is a required handle plus no_match', () => {
    expect(
      messageNode.outputs(config({ list: { buttonLabel: 'Ver', rows: rows(2) } })).map((o) => o.id),
    ).toEqual(['row:r0', 'row:r1', 'no_match']);
  });

  it('when it is a plain message, then next is optional because a flow may end after it', () => {
    expect(messageNode.outputs(config({}))).toEqual([
      expect.objectContaining({ id: 'next', required: false }),
    ]);
  });

  it('when two buttons share an id, then the handle appears once', () => {
    expect(
      messageNode
        .outputs(
          config({
            buttons: [
              { id: 'a', title: 'x' },
              { id: 'a', title: 'y' },
            ],
          }),
        )
        .map((o) => o.id),
    ).toEqual(['btn:a', 'no_match']);
  });
});

describe('message node: waiting and card', () => {
  it('when it has buttons or a list, then it waits for the customer; a plain message does not', () => {
    expect(messageNode.waitsForCustomer(config({ buttons: buttons('a') }))).toBe(true);
    expect(messageNode.waitsForCustomer(config({ list: { buttonLabel: 'Ver', rows: rows(1) } }))).toBe(true);
    expect(messageNode.waitsForCustomer(config({}))).toBe(false);
  });

  it('when asked for templates and a summary, then the text is the template and the card shows it', () => {
    const c = config({
      text: 'Oi {{contact.name}}',
      buttons: buttons('Sim'),
      media: { kind: 'image', storageKey: 'k' },
    });
    expect(messageNode.templates(c)).toEqual([{ path: 'text', text: 'Oi {{contact.name}}' }]);
    expect(messageNode.summary(c)).toBe('[Image] Oi {{contact.name}} [Sim]');
  });

  it('when the card is read in pt-BR, then the media kind is in Portuguese and an unnamed button reads as its place', () => {
    const c = config({ text: 'Hoje temos bolo', buttons: buttons('Quero', ' '), media: { kind: 'video', storageKey: 'k' } });
    expect(messageNode.summary(c, 'pt-BR')).toBe('[Vídeo] Hoje temos bolo [Quero] [Botão 2]');
    expect(messageNode.summary(c, 'en')).toBe('[Video] Hoje temos bolo [Quero] [Button 2]');
    for (const [kind, pt] of [['image', 'Imagem'], ['audio', 'Áudio'], ['document', 'Documento']] as const) {
      expect(messageNode.summary(config({ text: '', media: { kind, storageKey: 'k' } }), 'pt-BR')).toBe(`[${pt}]`);
    }
  });
});
