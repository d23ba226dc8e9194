import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffoldStep } from './scaffold';

const root = resolve(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

describe('npm run new:step', () => {
  it('when a step is scaffolded, then it writes definition, handler and their tests, and one line per typed map', () => {
    const { create, edit } = scaffoldStep('send_email');
    expect(Object.keys(create).sort()).toEqual([
      'flows-schema/src/nodes/send-email.test.ts',
      'flows-schema/src/nodes/send-email.ts',
      'server/src/engine/handlers/send-email.test.ts',
      'server/src/engine/handlers/send-email.ts',
    ]);
    for (const [path, change] of Object.entries(edit)) {
      const before = read(path);
      const after = change(before);
      const added = after.split('\n').filter((line) => !before.split('\n').includes(line));
      // An import and a map entry at most: the compiler checks the rest.
      expect(added.length, path).toBeLessThanOrEqual(2);
      expect(after, path).toMatch(/send_email/);
    }
    expect(edit['client/src/builder/panels/index.ts']!(read('client/src/builder/panels/index.ts'))).toContain("send_email: genericPanel('send_email')");
    expect(edit['server/src/engine/handlers/index.ts']!(read('server/src/engine/handlers/index.ts'))).toContain('send_email: sendEmail');
  });

  it('when a hand-written panel is asked for, then its file and map line are added too', () => {
    const { create, edit } = scaffoldStep('http_request', { panel: true });
    expect(create).toHaveProperty(['client/src/builder/panels/HttpRequestPanel.tsx']);
    expect(edit['client/src/builder/panels/index.ts']!(read('client/src/builder/panels/index.ts'))).toContain('http_request: HttpRequestPanel');
  });

  it('when the type is not snake_case, then nothing is scaffolded', () => {
    expect(() => scaffoldStep('SendEmail')).toThrow(/snake_case/);
    expect(() => scaffoldStep('../x')).toThrow(/snake_case/);
  });
});
