import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { visitorTyping } from './typing';

describe("the visitor's typing, as the team sees it", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says "on" once every few seconds while keys are pressed, and "off" after a pause', () => {
    const sent: boolean[] = [];
    const typing = visitorTyping((on) => sent.push(on));
    typing.typed('O');
    vi.advanceTimersByTime(1_000);
    typing.typed('Ol');
    expect(sent).toEqual([true]);
    vi.advanceTimersByTime(2_500);
    typing.typed('Olá');
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(5_000);
    expect(sent).toEqual([true, true, false]);
  });

  it('says "off" when the field is emptied or the message goes, and nothing when it was not on', () => {
    const sent: boolean[] = [];
    const typing = visitorTyping((on) => sent.push(on));
    typing.stop();
    typing.typed('   ');
    expect(sent).toEqual([]);
    typing.typed('Oi');
    typing.typed('');
    typing.typed('Oi de novo');
    typing.stop();
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([true, false, true, false]);
  });
});
