// The one engine that runs patterns written by workspaces: re2js, a pure-JavaScript port of RE2.
// It matches in time linear in the input (no backtracking), so no pattern can stall the shared
// worker the way `^(a|a)*$` does with RegExp. Patterns are written in JavaScript syntax (the
// editor's promise) and translated to RE2 syntax; what RE2 cannot run in linear time
// (backreferences, lookaround) is refused here, with the reason in both languages.
import { RE2JS, RE2JSSyntaxException } from 're2js';
import type { Localized } from '../localized';
import { describeSyntaxError, NO_BACKREFERENCES, TOO_COMPLEX } from './regex-errors';

/** What the engine and the validator may do with a compiled pattern. */
export interface LinearRegex {
  /** True when the pattern matches anywhere in the text, case-insensitively. */
  test(text: string): boolean;
}

export type LinearCompile =
  { ok: true; regex: LinearRegex } | { ok: false; reason: 'invalid' | 'unsafe'; detail: Localized };

/**
 * Matching costs (text length) × (compiled program size); counted repetition such as `.{1000}`
 * grows the program. 250 instructions keep the worst 10 kB message in the tens of milliseconds
 * (see the README) while a 200-character list of keywords still fits.
 */
export const MAX_REGEX_PROGRAM_SIZE = 250;

function programSize(compiled: RE2JS): number {
  // Not in re2js's typed surface; a test pins it so an upgrade that moves it fails loudly.
  const internal = compiled as unknown as { re2Input?: { prog?: { numInst?: () => number } } };
  return internal.re2Input?.prog?.numInst?.() ?? Number.POSITIVE_INFINITY;
}

function hasNamedBackreference(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i += 1) {
    if (pattern[i] !== '\\') continue;
    if (pattern[i + 1] === 'k' && pattern[i + 2] === '<') return true;
    i += 1; // skip the escaped character, so `\\k<` stays a literal backslash and k
  }
  return false;
}

function refusal(error: unknown): LinearCompile {
  if (!(error instanceof RE2JSSyntaxException)) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'invalid', detail: { en: message, 'pt-BR': message } };
  }
  return { ok: false, ...describeSyntaxError(error.error, error.input ?? '') };
}

/** Compiles a workspace's pattern for the linear-time engine, case-insensitive; never throws. */
export function compileLinear(pattern: string): LinearCompile {
  // `\k<name>` is a backreference in JavaScript; the translation would turn it into the letter k.
  if (hasNamedBackreference(pattern)) return { ok: false, reason: 'invalid', detail: NO_BACKREFERENCES };
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(pattern), RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    return refusal(error);
  }
  if (programSize(compiled) > MAX_REGEX_PROGRAM_SIZE)
    return { ok: false, reason: 'unsafe', detail: TOO_COMPLEX };
  return { ok: true, regex: neverThrowing(compiled) };
}

/** A fault inside the engine makes the pattern not match; the engine's callers never see a throw. */
function neverThrowing(compiled: RE2JS): LinearRegex {
  return {
    test(text) {
      try {
        return compiled.test(text);
      } catch {
        return false;
      }
    },
  };
}
