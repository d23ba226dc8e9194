// Grammar (also in README.md):
//   placeholder := "{{" ws name ws [ "|" ws default ws ] "}}"
//   name        := "contact.name" | "contact.phone" | identifier      (last_reply is an identifier)
//   identifier  := [A-Za-z_][A-Za-z0-9_]*
//   default     := '"' { any char but '"' and '\' | '\' any char } '"'
// Anything else, including a "{{" that does not complete a placeholder, is literal text.

export const BUILT_IN_VARIABLES = ['contact.name', 'contact.phone', 'last_reply'] as const;
export type BuiltInVariable = (typeof BUILT_IN_VARIABLES)[number];

export const IDENTIFIER_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

const NAME = String.raw`contact\.(?:name|phone)|[A-Za-z_][A-Za-z0-9_]*`;
const DEFAULT = String.raw`"((?:[^"\\]|\\.)*)"`;
const PLACEHOLDER = new RegExp(String.raw`\{\{\s*(${NAME})\s*(?:\|\s*${DEFAULT}\s*)?\}\}`, 'g');
const LOOKS_LIKE_PLACEHOLDER = /\{\{[^{}]*\}\}/g;

export type TemplateSegment =
  { kind: 'text'; text: string } | { kind: 'variable'; name: string; fallback: string | null; raw: string };

export function parseTemplate(template: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) segments.push({ kind: 'text', text: template.slice(last, match.index) });
    const fallback = match[2] === undefined ? null : match[2].replace(/\\(.)/gs, '$1');
    segments.push({ kind: 'variable', name: match[1] ?? '', fallback, raw: match[0] });
    last = match.index + match[0].length;
  }
  if (last < template.length) segments.push({ kind: 'text', text: template.slice(last) });
  return segments;
}

/** Names used by a template, each once, in order of first use (built-ins included). */
export function extractVariables(template: string): string[] {
  const names = parseTemplate(template).flatMap((segment) =>
    segment.kind === 'variable' ? [segment.name] : [],
  );
  return [...new Set(names)];
}

/** "{{…}}" snippets that will be sent literally, almost always a typo such as {{ contact.email }}. */
export function findMalformedPlaceholders(template: string): string[] {
  return parseTemplate(template).flatMap((segment) =>
    segment.kind === 'text'
      ? Array.from(segment.text.matchAll(LOOKS_LIKE_PLACEHOLDER), (match) => match[0])
      : [],
  );
}

export function isBuiltInVariable(name: string): name is BuiltInVariable {
  return (BUILT_IN_VARIABLES as readonly string[]).includes(name);
}
