import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../flow-document';
import { validateFlow } from '../validate/validate-flow';
import { triggerNode, type TriggerConfig } from './trigger';

const ctx = { declaredVariables: new Set<string>() };
const config = (patch: Partial<TriggerConfig>): TriggerConfig => ({ ...triggerNode.defaults(), ...patch });
const codes = (c: TriggerConfig) => (triggerNode.check?.(c, ctx) ?? []).map((p) => `${p.code}@${p.path}`);

describe('trigger node', () => {
  it('when configured with keywords of every match kind, then the schema accepts it and check is clean', () => {
    const valid = config({
      keywords: [
        { match: 'exact', value: 'Olá' },
        { match: 'contains', value: 'pedido' },
        { match: 'starts_with', value: 'menu' },
        { match: 'regex', value: '^pedido \\d+$' },
      ],
      channelIds: ['ch_1'],
      priority: 100,
    });
    expect(triggerNode.config.safeParse(valid).success).toBe(true);
    expect(codes(valid)).toEqual([]);
  });

  it('when the defaults are parsed, then they are a valid config', () => {
    expect(triggerNode.config.parse(triggerNode.defaults())).toEqual(triggerNode.defaults());
  });

  it.each([
    ['priority above 100', { priority: 101 }],
    ['fractional priority', { priority: 1.5 }],
    ['unknown match kind', { keywords: [{ match: 'fuzzy', value: 'x' }] }],
    ['channelIds not strings', { channelIds: [1] }],
    ['newContact missing', { newContact: undefined }],
  ])('when the config has %s, then the schema rejects it', (_name, patch) => {
    expect(triggerNode.config.safeParse({ ...triggerNode.defaults(), ...patch }).success).toBe(false);
  });
});

describe('trigger node: checks', () => {
  it('when nothing can fire the trigger, then check reports trigger_without_condition', () => {
    expect(codes(config({}))).toEqual(['trigger_without_condition@keywords']);
    expect(codes(config({ newContact: true }))).toEqual([]);
    expect(codes(config({ fallback: true }))).toEqual([]);
  });

  it('when a keyword is blank after normalization, then check reports keyword_empty', () => {
    expect(
      codes(
        config({
          keywords: [
            { match: 'contains', value: '  ' },
            { match: 'regex', value: '' },
          ],
        }),
      ),
    ).toEqual(['keyword_empty@keywords.0.value', 'keyword_empty@keywords.1.value']);
  });

  it('when a keyword is longer than 200 characters (emoji counting as one), then check reports it; at 200 it is fine', () => {
    const keywords = ['🍕'.repeat(200), 'promo '.repeat(40).trim() + 'x'.repeat(10), 'b'.repeat(5_000)].map((value) => ({ match: 'contains' as const, value }));
    expect(codes(config({ keywords }))).toEqual(['keyword_too_long@keywords.1.value', 'keyword_too_long@keywords.2.value']);
  });

  it('when a regex keyword does not compile, is catastrophic or too long, then check reports it', () => {
    const keywords = ['(oi', '(a+)+$', 'a'.repeat(201)].map((value) => ({ match: 'regex' as const, value }));
    expect(codes(config({ keywords }))).toEqual([
      'regex_invalid@keywords.0.value',
      'regex_unsafe@keywords.1.value',
      'regex_too_long@keywords.2.value',
    ]);
  });

  it('when a regex keyword needs backtracking or a huge program, then it is refused with the same codes', () => {
    const keywords = ['(oi)\\1', '(?=oi)o', '.{1000}'].map((value) => ({ match: 'regex' as const, value }));
    expect(codes(config({ keywords }))).toEqual([
      'regex_invalid@keywords.0.value',
      'regex_invalid@keywords.1.value',
      'regex_unsafe@keywords.2.value',
    ]);
  });

  it('when a regex keyword uses a backreference, then the problem explains it in both languages', () => {
    const problems = validateFlow({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      nodes: [
        {
          id: 't',
          type: 'trigger',
          position: { x: 0, y: 0 },
          config: config({ keywords: [{ match: 'regex', value: '(a)\\1' }] }),
        },
      ],
      edges: [],
    });
    expect(problems.find((p) => p.code === 'regex_invalid')?.message).toEqual({
      en: 'This regular expression is not valid: backreferences such as \\1 or \\k<name> are not supported.',
      'pt-BR':
        'Esta expressão regular não é válida: referências a grupos, como \\1 ou \\k<nome>, não são aceitas.',
    });
  });

  it('when a regex pattern is given with a non-regex match, then it is just text and not compiled', () => {
    expect(codes(config({ keywords: [{ match: 'exact', value: '(a+)+' }] }))).toEqual([]);
  });
});

describe('trigger node: outputs and card', () => {
  it('when asked for outputs, then it has a single required next handle and never waits', () => {
    expect(triggerNode.outputs(config({}))).toEqual([
      expect.objectContaining({ id: 'next', required: true }),
    ]);
    expect(triggerNode.waitsForCustomer(config({}))).toBe(false);
    expect(triggerNode.isEntry).toBe(true);
  });

  it('when summarised, then it lists the keywords and flags in the chosen language', () => {
    const c = config({
      keywords: [
        { match: 'exact', value: 'oi' },
        { match: 'regex', value: 'a.c' },
      ],
      newContact: true,
    });
    expect(triggerNode.summary(c)).toBe('oi, /a.c/, new contact');
    expect(triggerNode.summary(c, 'pt-BR')).toBe('oi, /a.c/, novo contato');
  });
});
