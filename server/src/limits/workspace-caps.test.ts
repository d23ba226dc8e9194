// Every kind the server caps is worded in the client's languages (errors.limitReached names it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_CAPS } from './workspace-caps';

const words = (lng: string) => JSON.parse(readFileSync(new URL(`../../../client/src/i18n/${lng}.json`, import.meta.url), 'utf8')).workspaceCaps;

describe('workspace caps', () => {
  it.each(['en', 'pt-BR'])('when a cap is refused, then the %s screens have words for its kind', (lng) => {
    expect(Object.keys(words(lng)).sort()).toEqual(Object.keys(WORKSPACE_CAPS).sort());
  });
});
