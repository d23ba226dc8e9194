// fast-check generators of node configs that are valid in every respect (schema, WhatsApp limits,
// declared variables), used by the property tests. Not part of the public API.
import fc from 'fast-check';
import type { NodeConfig, NodeType } from '../nodes';
import { normalizeText } from '../text/normalize';

const LETTERS = [...'abcdefghijklmnopqrstuvwxyzçãéíóúÁÉÔ'];
const PROSE = [...LETTERS, ' ', '!', '?', '.', ',', '1', '7', '😀', '👍', '\n'];
const SAFE_REGEXES = ['^oi$', 'pedido\\s*\\d+', '(sim|s)\\b', '[a-z]+@[a-z]+\\.com', 'a{2,5}'];

export const word = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...LETTERS), minLength, maxLength });
const prose = (maxLength: number) => fc.string({ unit: fc.constantFrom(...PROSE), maxLength });
export const identifier = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/).filter((name) => name !== 'last_reply');
// Plain prototypes: documents come from JSON.parse, and strict equality compares prototypes.
const record: typeof fc.record = ((model: never) => fc.record(model, { noNullPrototype: true })) as never;
const zeroSafe = (x: number) => x + 0; // JSON has no -0, so a generated -0 could never round-trip

function declared(vars: readonly string[]): fc.Arbitrary<string | null> {
  return vars.length === 0 ? fc.constant(null) : fc.option(fc.constantFrom(...vars), { nil: null });
}

function placeholder(vars: readonly string[]): fc.Arbitrary<string> {
  const name = fc.constantFrom('contact.name', 'contact.phone', 'last_reply', ...vars);
  return fc.tuple(name, fc.option(word(0, 8), { nil: null }), fc.boolean()).map(([n, fallback, spaced]) => {
    const s = spaced ? ' ' : '';
    return fallback === null ? `{{${s}${n}${s}}}` : `{{${s}${n}${s}|${s}"${fallback}"${s}}}`;
  });
}

/** Starts with a word so it is never blank; at most ~250 characters. */
function template(vars: readonly string[]): fc.Arbitrary<string> {
  const parts = fc.array(fc.oneof(prose(40), placeholder(vars)), { maxLength: 4 });
  return fc.tuple(word(1, 10), parts).map(([first, rest]) => [first, ...rest].join(''));
}

const trigger = () =>
  record({
    keywords: fc.array(
      fc.oneof(
        record({ match: fc.constantFrom('exact', 'contains', 'starts_with'), value: word(1, 12) }),
        record({ match: fc.constant('regex'), value: fc.constantFrom(...SAFE_REGEXES) }),
      ),
      { maxLength: 3 },
    ),
    newContact: fc.boolean(),
    fallback: fc.boolean(),
    channelIds: fc.array(word(1, 6), { maxLength: 2 }),
    priority: fc.integer({ min: 0, max: 100 }),
  }).map((c): NodeConfig<'trigger'> => (c.keywords.length || c.newContact ? c : { ...c, fallback: true }));

const media = fc.oneof(
  record({
    kind: fc.constantFrom('image', 'document', 'audio', 'video'),
    url: word(1, 8).map((w) => `https://cdn.example.com/${w}`),
  }),
  record({
    kind: fc.constantFrom('image', 'document', 'audio', 'video'),
    storageKey: word(1, 8),
    filename: word(1, 8),
  }),
);

const listRow = fc.tuple(word(1, 24), fc.option(prose(72), { nil: undefined }));

function message(vars: readonly string[]): fc.Arbitrary<NodeConfig<'message'>> {
  return record({
    text: template(vars),
    variant: fc.constantFrom('plain', 'buttons', 'list'),
    titles: fc.uniqueArray(word(1, 20), { selector: normalizeText, minLength: 1, maxLength: 3 }),
    rows: fc.array(listRow, { minLength: 1, maxLength: 10 }),
    buttonLabel: word(1, 20),
    media: fc.option(media, { nil: null }),
    typingDelayMs: fc.integer({ min: 0, max: 10_000 }),
  }).map(({ text, variant, titles, rows, buttonLabel, media, typingDelayMs }) => ({
    text,
    buttons: variant === 'buttons' ? titles.map((title, i) => ({ id: `b${i}`, title })) : [],
    list:
      variant === 'list'
        ? {
            buttonLabel,
            rows: rows.map(([title, description], i) =>
              description === undefined ? { id: `r${i}`, title } : { id: `r${i}`, title, description },
            ),
          }
        : null,
    media,
    typingDelayMs,
  }));
}

function wait(vars: readonly string[]): fc.Arbitrary<NodeConfig<'wait'>> {
  return record({
    mode: fc.constantFrom('reply', 'delay'),
    saveAs: declared(vars),
    expect: fc.constantFrom('any', 'text', 'number', 'email', 'phone', 'option'),
    options: fc.array(word(1, 10), { minLength: 1, maxLength: 4 }),
    retryPrompt: template(vars),
    maxRetries: fc.integer({ min: 0, max: 10 }),
    timeoutSeconds: fc.option(fc.integer({ min: 1, max: 2_592_000 }), { nil: null }),
    delaySeconds: fc.integer({ min: 1, max: 2_592_000 }),
  });
}

function rule(vars: readonly string[]) {
  const left = fc.constantFrom('last_reply', 'contact.name', 'contact.phone', ...vars);
  return fc.oneof(
    record({
      left,
      op: fc.constantFrom('equals', 'not_equals', 'contains', 'starts_with', 'is_set', 'is_not_set'),
      right: prose(20),
    }),
    record({ left, op: fc.constantFrom('gt', 'gte', 'lt', 'lte'), right: fc.integer().map(String) }),
    record({ left, op: fc.constant('regex'), right: fc.constantFrom(...SAFE_REGEXES) }),
    record({ left: fc.constant('contact.tags'), op: fc.constant('has_tag'), right: word(1, 10) }),
  );
}

function condition(vars: readonly string[]): fc.Arbitrary<NodeConfig<'condition'>> {
  const branch = record({
    label: word(0, 12),
    combinator: fc.constantFrom('all', 'any'),
    rules: fc.array(rule(vars), { minLength: 1, maxLength: 3 }),
  });
  return fc.array(branch, { minLength: 1, maxLength: 3 }).map((branches) => ({
    branches: branches.map((b, i) => ({ id: `br${i}`, ...b })),
  }));
}

function aiReply(vars: readonly string[]): fc.Arbitrary<NodeConfig<'ai_reply'>> {
  return record({
    systemPrompt: template(vars),
    model: fc.constantFrom('', 'gpt-4o-mini'),
    temperature: fc.double({ min: 0, max: 2, noNaN: true }).map(zeroSafe),
    historyWindow: fc.integer({ min: 1, max: 50 }),
    maxTokens: fc.integer({ min: 1, max: 4096 }),
    timeoutSeconds: fc.integer({ min: 1, max: 120 }),
    saveAs: declared(vars),
  });
}

function transfer(vars: readonly string[]): fc.Arbitrary<NodeConfig<'transfer'>> {
  return record({
    team: fc.option(word(1, 10), { nil: null }),
    message: template(vars),
    tags: fc.array(word(1, 8), { maxLength: 3 }),
  });
}

const randomizer = (): fc.Arbitrary<NodeConfig<'randomizer'>> =>
  fc
    .array(record({ label: word(0, 12), weight: fc.integer({ min: 1, max: 100 }) }), { minLength: 1, maxLength: 6 })
    .map((paths) => ({ paths: paths.map((p, i) => ({ id: `p${i}`, ...p })) }));

const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const businessHours = (): fc.Arbitrary<NodeConfig<'business_hours'>> =>
  record({
    timezone: fc.constantFrom('America/Sao_Paulo', 'America/Manaus', 'Europe/Lisbon', 'UTC'),
    periods: fc.array(
      record({ days: fc.uniqueArray(fc.constantFrom('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'), { minLength: 1 }), from: clock, to: clock }),
      { minLength: 1, maxLength: 4 },
    ),
  });

const sendTemplate = (vars: readonly string[]): fc.Arbitrary<NodeConfig<'send_template'>> =>
  record({
    name: fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789_'), minLength: 1, maxLength: 20 }),
    language: fc.constantFrom('pt_BR', 'en_US', 'es'),
    body: fc.array(template(vars), { maxLength: 3 }),
    header: fc.oneof(
      record({ headerType: fc.constant('none' as const), header: fc.constant('') }),
      record({ headerType: fc.constantFrom('text', 'image', 'video', 'document'), header: template(vars) }),
    ),
    buttons: fc.uniqueArray(
      record({ index: fc.integer({ min: 0, max: 9 }), subType: fc.constantFrom('url', 'copy_code'), value: template(vars) }),
      { selector: (b) => b.index, maxLength: 2 },
    ),
    text: prose(60),
  }).map(({ header, ...c }) => ({ ...c, ...header }));

/**
 * Generators of valid configs for the property tests. Typed against the registry, but optional: a
 * new step is left out of generated flows until it adds one here (its own tests cover it).
 */
export const configArbitraries: { [T in NodeType]?: (vars: readonly string[]) => fc.Arbitrary<NodeConfig<T>> } & {
  trigger: (vars?: readonly string[]) => fc.Arbitrary<NodeConfig<'trigger'>>;
} = {
  trigger,
  message,
  wait,
  condition,
  ai_reply: aiReply,
  transfer,
  randomizer,
  business_hours: businessHours,
  send_template: sendTemplate,
};

export const position = record({
  x: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(zeroSafe),
  y: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(zeroSafe),
});
