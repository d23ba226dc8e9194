/** Cuts text to `max` code points, the way WhatsApp counts (an emoji is one character). */
export function limitChars(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

export const charCount = (text: string) => Array.from(text).length;
