import { describe, expect, it } from 'vitest';
import { createChatGate } from './alert-tab';

describe('one alert per chat', () => {
  it('when a transfer and its assignment arrive together, then one tone plays and the notification is replaced; customers of two chats a moment apart get one each', () => {
    const gate = createChatGate(1500);
    expect(gate('a', 1000)).toBe('first');
    expect(gate('a', 1100)).toBe('again');
    expect(gate('b', 1400)).toBe('first');
    expect(gate('a', 2499)).toBe('again');
    expect(gate('a', 2500)).toBe('first');
    expect(gate('b', 2900)).toBe('first');
  });
});
