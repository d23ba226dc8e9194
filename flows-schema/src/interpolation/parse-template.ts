// Grammar (also in README.md):
//   placeholder := "{{" ws name ws [ "|" ws default ws ] "}}"
//   name        := "contact.name" | "contact.phone" | "contact." attribute | identifier
//                  (last_reply is an identifier)
//   attribute   := a contact attribute's name (contacts/attribute-name.ts: 1 to 64 letters, digits,
//                  "_", "." and "-"), read whatever its letter case: {{contact.cidade}} is the
//                  contact's "Cidade" (contactAttributeOf)
//   identifier  := 1 to 64 of letters (any script), digits, "_", "." and "-", with a letter or "_"
//                  among them: what a contact attribute may be called (contacts/attribute-name.ts), so
//                  a spreadsheet's "Observação" or "Região" column can fill a message. All digits is
//                  not a name: {{1}} is a WhatsApp template's positional variable.
//   default     := '"' { any char but '"' and '\' | '\' any char } '"'
// Anything else, including a "{{" that does not complete a placeholder, is literal text.

export const BUILT_IN_VARIABLES = ['contact.name', 'contact.phone', 'last_reply'] as const;
export type BuiltInVariable = (typeof BUILT_IN_VARIABLES)[number];

const IDENTIFIER = String.raw`(?=[\p{L}\p{N}_.\-]{0,63}[\p{L}_])[\p{L}\p{N}_.\-]{1,64}`;
export const IDENTIFIER_PATTERN = new RegExp(`^${IDENTIFIER}$`, 'u');

const NAME = String.raw`contact\.[\p{L}\p{N}_.\-]{1,64}|${IDENTIFIER}`;
const DEFAULT = String.raw`"((?:[^"\\]|\\.)*)"`;
const PLACEHOLDER = new RegExp(String.raw`\{\{\s*(${NAME})\s*(?:\|\s*${DEFAULT}\s*)?\}\}`, 'gu');
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

/** Names a flow may not declare: the built-ins and everything under "contact.", the contact's own. */
export const isReservedVariableName = (name: string) => isBuiltInVariable(name) || name.startsWith('contact.');
