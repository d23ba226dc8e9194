// What a contact attribute may be called: one rule for the contacts API, the CSV import, the contact
// drawer and the flow's Actions step, so a name saved in one place can be set and read in the others.
// Letters of any script and digits, so a Brazilian "aniversário" or "Região" works; `_ . -` as
// separators; no spaces, so the name can be written as a {{placeholder}} (parse-template.ts).

export const ATTRIBUTE_NAME_MAX = 64;
/** Characters a name may not hold: a run of them becomes one `_` when a name is made from a column. */
const NOT_IN_A_NAME = /[^\p{L}\p{N}_.-]+/u;

/** Names every JavaScript object already answers to: no attribute (in any case) may take one. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
export const isReservedAttributeName = (name: string) => RESERVED.has(name.toLowerCase());

export type AttributeNameProblem = 'empty' | 'too_long' | 'characters' | 'reserved';

/** Why a name can't be an attribute's, or null when it can. */
export function attributeNameProblem(name: string): AttributeNameProblem | null {
  if (name === '') return 'empty';
  if (NOT_IN_A_NAME.test(name)) return 'characters';
  if ([...name].length > ATTRIBUTE_NAME_MAX) return 'too_long';
  return isReservedAttributeName(name) ? 'reserved' : null;
}

/**
 * What every spelling of one attribute shares: "Cidade", "cidade" and "CIDADE" are one attribute of a
 * workspace. Accents stay: "Série" and "Serie", "Pais" and "País" may be different words.
 */
export const attributeNameKey = (name: string) => name.normalize('NFC').toLowerCase();

export const isAttributeName = (name: string) => attributeNameProblem(name) === null;

/** The contact's own fields a flow reads as `contact.<field>`: no attribute can stand for them there. */
const CONTACT_OWN = new Set(['name', 'phone', 'tags']);

/**
 * The attribute a flow reads as `contact.<attribute>` ({{contact.cidade}}, a condition on
 * "contact.plano"), or null when `field` names none. `contact.name`, `.phone` and `.tags` are the
 * contact's own fields, whatever their letter case.
 */
export function contactAttributeOf(field: string): string | null {
  if (!field.startsWith('contact.')) return null;
  const name = field.slice('contact.'.length);
  return isAttributeName(name) && !CONTACT_OWN.has(attributeNameKey(name)) ? name : null;
}

/** The value held under `name` or, failing that, under a spelling differing only in letter case. */
export function valueAnyCase<T>(values: Readonly<Record<string, T>>, name: string): T | undefined {
  // hasOwn: a name such as "constructor" must not read Object.prototype.
  if (Object.hasOwn(values, name)) return values[name];
  const key = attributeNameKey(name);
  const match = Object.keys(values).find((k) => attributeNameKey(k) === key);
  return match === undefined ? undefined : values[match];
}

/**
 * The attribute name a spreadsheet column gives ("Data de nascimento" → "Data_de_nascimento"):
 * trimmed, each run of spaces or other characters a name can't hold turned into one `_`, cut to 64.
 * Case and accents stay, as a valid name is kept as written: a column already imported as "Cidade"
 * goes on filling "Cidade". Empty when the column has nothing a name can hold ("???").
 */
export function attributeNameFromColumn(column: string): string {
  const name = [...column.normalize('NFC').split(NOT_IN_A_NAME).filter(Boolean).join('_')];
  // Cut, it ends where a word does rather than on the `_` before the next one.
  return name.length > ATTRIBUTE_NAME_MAX ? name.slice(0, ATTRIBUTE_NAME_MAX).join('').replace(/_+$/, '') : name.join('');
}
