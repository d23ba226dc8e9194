// Find a step by its name, its type, or any text it shows or sends (Ctrl+K). Accents and case are
// ignored, as in the trigger keywords, so "promocao" finds "Promoção".
import { anyNodeDefinition, normalizeText, type Locale } from '@zyntra/flows-schema';
import type { EditorNode } from '../store/editor-types';

export interface StepHit {
  id: string;
  title: string;
  detail: string;
}

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/**
 * What tells an unnamed step from others of its type (its card's text, e.g. the message it sends);
 * null for a step with a name of its own, which says enough.
 */
export function stepDetail(n: EditorNode, locale: Locale): string | null {
  if (n.data.name) return null;
  const summary = safely(() => anyNodeDefinition(n.data.type).summary(n.data.config, locale), '').trim();
  return summary === '' ? null : summary.length > 40 ? `${summary.slice(0, 39)}…` : summary;
}

/** The title a step shows everywhere: its own name, or its type's label. */
export function stepTitle(n: EditorNode, locale: Locale): string {
  return n.data.name || anyNodeDefinition(n.data.type).label[locale];
}

function haystack(n: EditorNode, locale: Locale): { title: string; detail: string; text: string } {
  const def = anyNodeDefinition(n.data.type);
  const title = stepTitle(n, locale);
  const detail = safely(() => def.summary(n.data.config, locale), '');
  const texts = safely(() => def.templates(n.data.config).map((t) => t.text), []);
  const outputs = safely(() => def.outputs(n.data.config).map((o) => o.label[locale]), []);
  const text = normalizeText([title, def.label[locale], detail, ...texts, ...outputs].join(' '));
  return { title, detail, text };
}

export function searchSteps(nodes: readonly EditorNode[], query: string, locale: Locale, limit = 20): StepHit[] {
  const words = normalizeText(query).split(' ').filter(Boolean);
  const hits: StepHit[] = [];
  for (const n of nodes) {
    const { title, detail, text } = haystack(n, locale);
    if (words.every((w) => text.includes(w))) hits.push({ id: n.id, title, detail });
    if (hits.length >= limit) break;
  }
  return hits;
}
