import { describe, expect, it } from 'vitest';
import { agentNameOf, type ChatItem } from './api';

const item = (extra: Partial<ChatItem>): ChatItem => ({ id: '1', direction: 'out', text: 'oi', payload: {}, createdAt: '', ...extra });

describe('web-chat widget authors', () => {
  it("names a person's reply and leaves the bot's alone", () => {
    expect(agentNameOf(item({ author: 'agent', authorName: 'Ana' }))).toBe('Ana');
    expect(agentNameOf(item({ payload: { sender: { type: 'agent', name: ' Bruno ' } } }))).toBe('Bruno');
    expect(agentNameOf(item({ payload: { sender: { type: 'agent', name: null } } }))).toBe('');
    expect(agentNameOf(item({ author: 'agent' }))).toBe('');
    expect(agentNameOf(item({ author: 'bot' }))).toBeNull();
    expect(agentNameOf(item({}))).toBeNull();
    expect(agentNameOf(item({ direction: 'in', author: 'agent', authorName: 'Ana' }))).toBeNull();
  });
});
