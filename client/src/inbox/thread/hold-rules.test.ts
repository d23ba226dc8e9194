import { describe, expect, it } from 'vitest';
import { assignKind, mayLetGo, takeKind } from './hold-rules';

const chat = (assigneeId: string | null, status: 'bot' | 'waiting' | 'human' | 'closed' = 'human') => ({ id: 'c1', status, assigneeId });

describe('hold rules', () => {
  it('when nobody holds a chat, then anyone takes or gives it at once', () => {
    expect(takeKind(chat(null, 'waiting'), 'ana', 'agent')).toBe('take');
    expect(assignKind(chat(null, 'waiting'), 'bia', 'ana', 'agent')).toBe('direct');
    expect(assignKind(chat(null, 'bot'), null, 'ana', 'agent')).toBe('direct'); // to a team
  });

  it('when an agent gives away their own chat, then they are asked first, since they cannot take it back', () => {
    expect(assignKind(chat('ana'), 'bia', 'ana', 'agent')).toBe('handOver');
    expect(assignKind(chat('ana'), null, 'ana', 'agent')).toBe('handOver');
    expect(assignKind(chat('ana'), 'ana', 'ana', 'agent')).toBe('direct'); // to themself: nothing changes
    expect(assignKind(chat('ana'), 'bia', 'ana', 'admin')).toBe('direct'); // a supervisor can take it back
  });

  it('when a colleague holds the chat, then a supervisor is asked first and an agent is offered nothing', () => {
    expect(takeKind(chat('bia'), 'ana', 'owner')).toBe('takeOver');
    expect(assignKind(chat('bia'), 'caio', 'ana', 'owner')).toBe('reassign');
    expect(assignKind(chat('bia'), null, 'ana', 'admin')).toBe('reassign');
    expect(takeKind(chat('bia'), 'ana', 'agent')).toBeNull();
    expect(assignKind(chat('bia'), 'caio', 'ana', 'agent')).toBeNull();
    expect(assignKind(chat('bia'), 'bia', 'ana', 'agent')).toBeNull();
    expect(mayLetGo(chat('bia'), 'ana', 'agent')).toBe(false);
    expect(mayLetGo(chat('bia'), 'ana', 'admin')).toBe(true);
    expect(mayLetGo(chat(null, 'waiting'), 'ana', 'agent')).toBe(true);
  });

  it('when the chat is closed or already the caller\'s, then there is nothing to take', () => {
    expect(takeKind(chat('ana', 'closed'), 'bia', 'owner')).toBeNull();
    expect(assignKind(chat('ana', 'closed'), 'bia', 'ana', 'owner')).toBeNull();
    expect(takeKind(chat('ana'), 'ana', 'agent')).toBeNull();
  });
});
