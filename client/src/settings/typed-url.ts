// What is wrong with an address typed for the server to call (a webhook endpoint, an AI provider),
// checked before it is sent so the common slips are named at the field in the user's language.

/** `incomplete`: not a whole http(s) URL ("minha-loja.com/hook"); `credentials`: a user or password in it. */
export type TypedUrlProblem = 'incomplete' | 'credentials';

export function typedUrlProblem(raw: string): TypedUrlProblem | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return 'incomplete';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'incomplete';
  if (url.username || url.password) return 'credentials';
  return null;
}
