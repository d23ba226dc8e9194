// Evaluates one condition rule. Text operators compare normalized text (case, accents and extra
// spaces never decide a branch); a bad regex makes its rule false and is reported, never thrown.
import { compileRegex, contactAttributeOf, normalizeText, valueAnyCase } from '@zyntra/flows-schema';
import type { ConditionConfig } from '@zyntra/flows-schema';
import type { StepContext } from '../context';
import type { SessionState } from '../session';
import { parseLocaleNumber } from '../answers';

export type Rule = ConditionConfig['branches'][number]['rules'][number];
type Op = Rule['op'];
/** null = not set; a list only for contact.tags, where a text operator holds if any tag satisfies it. */
type Operand = string | null | readonly string[];
export type RuleResult = { ok: boolean; error?: string };

export function operandOf(left: string, session: SessionState, ctx: StepContext): Operand {
  if (left === 'last_reply') return session.lastReply;
  if (left === 'contact.name') return ctx.contact.name;
  if (left === 'contact.phone') return ctx.contact.phone;
  if (left === 'contact.tags') return ctx.contact.tags;
  // "contact.plano": the contact's attribute whatever its letter case, never a flow variable.
  const attribute = contactAttributeOf(left);
  if (attribute !== null) return valueAnyCase(ctx.contact.attributes, attribute) ?? null;
  return Object.hasOwn(session.vars, left) ? (session.vars[left] ?? null) : null;
}

// The pattern runs on flows-schema's linear-time engine, so a customer's long message cannot
// make a marketer's pattern stall the worker.
function testRegex(pattern: string, value: string): RuleResult {
  const compiled = compileRegex(pattern);
  if (!compiled.ok) return { ok: false, error: `regex_${compiled.reason}: ${pattern}` };
  // Either spelling: a pattern written with accents ("não") or without ("nao") both match.
  return { ok: compiled.regex.test(value) || compiled.regex.test(normalizeText(value)) };
}

function compareNumbers(op: Op, left: string, right: string): boolean {
  const a = parseLocaleNumber(left);
  const b = parseLocaleNumber(right);
  if (a === null || b === null) return false;
  if (op === 'gt') return a > b;
  if (op === 'gte') return a >= b;
  if (op === 'lt') return a < b;
  return a <= b;
}

const textTests: Partial<Record<Op, (left: string, right: string) => boolean>> = {
  equals: (left, right) => left === right,
  contains: (left, right) => left.includes(right),
  starts_with: (left, right) => left.startsWith(right),
};

function testOne(op: Op, value: string, right: string): RuleResult {
  if (op === 'regex') return testRegex(right, value);
  const text = textTests[op];
  if (text) return { ok: text(normalizeText(value), normalizeText(right)) };
  return { ok: compareNumbers(op, value, right) };
}

function isSet(value: Operand): boolean {
  if (value === null) return false;
  return typeof value === 'string' ? value.trim() !== '' : value.length > 0;
}

function hasTag(tags: readonly string[], tag: string): boolean {
  const wanted = normalizeText(tag);
  return tags.some((candidate) => normalizeText(candidate) === wanted);
}

export function evaluateRule(rule: Rule, session: SessionState, ctx: StepContext): RuleResult {
  const { op, right } = rule;
  if (op === 'has_tag') return { ok: hasTag(ctx.contact.tags, right) };
  const value = operandOf(rule.left, session, ctx);
  if (op === 'is_set') return { ok: isSet(value) };
  if (op === 'is_not_set') return { ok: !isSet(value) };
  if (op === 'not_equals') {
    const equal = evaluateRule({ ...rule, op: 'equals' }, session, ctx);
    return { ok: !equal.ok };
  }
  // An unset field reads as empty text, so "equals ''" holds for a question never asked.
  const values = typeof value === 'string' || value === null ? [value ?? ''] : value;
  const results = values.map((one) => testOne(op, one, right));
  const error = results.find((result) => result.error !== undefined)?.error;
  return { ok: results.some((result) => result.ok), ...(error === undefined ? {} : { error }) };
}
