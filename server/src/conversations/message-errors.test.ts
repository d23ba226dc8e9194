import { describe, expect, it } from 'vitest';
import { errorText, splitError } from './message-errors';

describe('message failure reasons', () => {
  it.each([
    ['131047: Re-engagement message', /24 hours/],
    ['131026: Message undeliverable', /could not be delivered/],
    ['130429: Rate limit hit', /rate limit/],
    ['channel_gone: The channel no longer exists', /removed/],
  ])('when the error is %s, then the agent reads plain words', (error, expected) => {
    expect(errorText(error)).toMatch(expected);
  });

  it('when the code is unknown, then the provider text is shown, or a generic sentence', () => {
    expect(errorText('999999: Something odd happened')).toBe('Something odd happened');
    expect(errorText('weird')).toBe('The message could not be sent.');
    expect(errorText(null)).toBeNull();
  });

  it('when the provider text itself holds a colon, then only the first one splits', () => {
    expect(splitError('131000: Error: try later')).toEqual({ code: '131000', detail: 'Error: try later' });
  });
});
