import { describe, expect, it } from 'vitest';
import { tryHints, tryPageHtml } from './try-page';

describe('the web-chat try page', () => {
  it('when flows start on keywords, fallback or a first message, then it names what to write here, without regexes, blanks or repeats', () => {
    const triggers = [
      { keywords: [{ match: 'exact', value: 'Cardápio ' }, { match: 'regex', value: '^oi$' }, { match: 'contains', value: ' ' }] },
      { keywords: [{ match: 'starts_with', value: 'Cardápio' }], channelIds: [] },
      { keywords: [{ match: 'exact', value: 'elsewhere' }], channelIds: ['other'] },
      { newContact: true, channelIds: ['here'] },
    ];
    expect(tryHints(triggers, 'here')).toEqual({ keywords: ['Cardápio'], anyMessage: true });
    expect(tryHints(triggers.slice(0, 3), 'here')).toEqual({ keywords: ['Cardápio'], anyMessage: false });
    expect(tryHints([], 'here')).toEqual({ keywords: [], anyMessage: false });
  });

  it('when a keyword holds markup, then the page shows it as text', () => {
    const html = tryPageHtml('c1', { keywords: ['<img src=x onerror=alert(1)>', '"x"'], anyMessage: false });
    expect(html).not.toContain('<img');
    expect(html).toContain('<code>&#60;img src=x onerror=alert(1)&#62;</code> ou <code>&#34;x&#34;</code>');
  });
});
