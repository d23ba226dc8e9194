/**
 * "3F9A" from "3f9a0c…": a short, stable tag for a contact with no name (a web-chat visitor has no
 * phone either), so the inbox and the contacts list can tell such contacts apart and agree.
 */
export const contactRef = (id: string) => id.replace(/[^0-9a-f]/gi, '').slice(0, 4).toUpperCase();
