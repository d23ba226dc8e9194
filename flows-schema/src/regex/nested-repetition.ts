// The star-height heuristic kept from before the linear-time engine: a repeated group that
// itself repeats ((a+)+, (\w*\s?)*, (a{1,3}){2,}) is refused. RE2 runs such patterns in linear
// time, but they multiply the compiled program and are rarely what was meant; keeping the
// rule keeps the meaning of regex_unsafe for flows validated before. A heuristic: it can refuse a
// few harmless patterns such as (\d{3}-)+.

interface Frame {
  repeats: boolean;
}

/** Scans a pattern that already compiled; only groups and quantifiers matter here. */
export function hasNestedRepetition(pattern: string): boolean {
  const stack: Frame[] = [{ repeats: false }];
  let closedGroup: Frame | null = null;
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    const quantifier = readQuantifier(pattern, i);
    if (quantifier) {
      if (quantifier.repeating && closedGroup?.repeats) return true;
      if (quantifier.repeating) top(stack).repeats = true;
      closedGroup = null;
      i += quantifier.length;
      continue;
    }
    closedGroup = null;
    if (char === '\\') i += 2;
    else if (char === '[') i = skipClass(pattern, i);
    else if (char === '(') {
      stack.push({ repeats: false });
      i += groupPrefixLength(pattern, i);
    } else if (char === ')') {
      closedGroup = stack.length > 1 ? (stack.pop() ?? null) : null;
      if (closedGroup?.repeats) top(stack).repeats = true;
      i += 1;
    } else i += 1;
  }
  return false;
}

function top(stack: Frame[]): Frame {
  return stack[stack.length - 1] as Frame;
}

function readQuantifier(pattern: string, i: number): { repeating: boolean; length: number } | null {
  const char = pattern[i];
  let repeating: boolean;
  let length = 1;
  if (char === '*' || char === '+') repeating = true;
  else if (char === '?') repeating = false;
  else {
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
    if (!braces) return null;
    const min = Number(braces[1]);
    const max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
    repeating = max > 1;
    length = braces[0].length;
  }
  // A trailing "?" makes the quantifier lazy; laziness does not remove backtracking.
  if (pattern[i + length] === '?') length += 1;
  return { repeating, length };
}

/** Returns the index just after the character class starting at i. */
function skipClass(pattern: string, i: number): number {
  let j = i + 1;
  while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Length of "(", "(?:", "(?=", "(?!", "(?<=", "(?<!" or "(?<name>" so "?" is not read as a quantifier. */
function groupPrefixLength(pattern: string, i: number): number {
  if (pattern[i + 1] !== '?') return 1;
  const named = /^\(\?<[A-Za-z_$][\w$]*>/.exec(pattern.slice(i, i + 64));
  if (named) return named[0].length;
  return pattern[i + 2] === '<' ? 4 : 3;
}
