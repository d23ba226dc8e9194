import { describe, expect, it } from 'vitest';
import readme from '../README.md?raw';
import sampleSource from './testing/sample-flow.ts?raw';
import { brokenSampleFlow, sampleFlow } from './testing/sample-flow';
import { validateFlow } from './validate/validate-flow';

/** The fenced block that follows `<!-- example:name -->` in the README. */
function example(name: string): string {
  const match = new RegExp(`<!-- example:${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!match?.[1]) throw new Error(`README has no example "${name}"`);
  return match[1].trim();
}

describe('README examples', () => {
  it('when the example flow is parsed, then it is the sample flow and validates clean', () => {
    expect(JSON.parse(example('flow'))).toEqual(sampleFlow());
    expect(validateFlow(JSON.parse(example('flow')))).toEqual([]);
  });

  it('when the breakage snippet is compared, then it is the code brokenSampleFlow runs', () => {
    const code = /\/\/ README:begin\n([\s\S]*?)\s*\/\/ README:end/.exec(sampleSource)?.[1] ?? '';
    const normalize = (text: string) => text.replace(/^\s+/gm, '').trim();
    expect(normalize(example('breakage'))).toBe(normalize(code));
  });

  it('when the broken flow is validated, then the output is exactly the README problem list', () => {
    expect(JSON.parse(example('problems'))).toEqual(validateFlow(brokenSampleFlow()));
  });
});
