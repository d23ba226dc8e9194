import { describe, expect, it } from 'vitest';
import { activeMention, applyMention, matchMembers, mentionedIds, splitMentions } from './mention-query';

const ana = { userId: 'u-ana', name: 'Ana Souza' };
const bruno = { userId: 'u-bruno', name: 'Bruno' };
const joao = { userId: 'u-joao', name: 'João Lima' };

describe('activeMention', () => {
  it('when the caret is in an @word at the start or after a space, then that word is the query', () => {
    expect(activeMention('@', 1)).toEqual({ query: '', start: 0, end: 1 });
    expect(activeMention('olha @Br', 8)).toEqual({ query: 'Br', start: 5, end: 8 });
    expect(activeMention('linha\n@jo', 9)).toEqual({ query: 'jo', start: 6, end: 9 });
  });

  it('when the @ is inside a word (an e-mail) or a space followed it, then nothing is being mentioned', () => {
    expect(activeMention('ana@loja.com', 12)).toBeNull();
    expect(activeMention('@Bruno oi', 9)).toBeNull();
    expect(activeMention('sem arroba', 10)).toBeNull();
  });

  it('when the caret sits in the middle of the text, then only what is before it counts', () => {
    expect(activeMention('@An e mais', 3)).toEqual({ query: 'An', start: 0, end: 3 });
  });
});

describe('matchMembers', () => {
  it('when a query is typed, then names (or a word of them) starting with it come first, accents and case aside', () => {
    expect(matchMembers([ana, bruno, joao], 'jo')).toEqual([joao]);
    expect(matchMembers([ana, bruno, joao], 'sou')).toEqual([ana]);
    expect(matchMembers([ana, bruno, joao], 'UN')).toEqual([bruno]);
    expect(matchMembers([joao, ana, bruno], 'a')).toEqual([ana, joao]);
    expect(matchMembers([ana, bruno], '')).toEqual([ana, bruno]);
  });
});

describe('applyMention', () => {
  it('when a member is picked, then the @word becomes @Name and a space, and the caret follows it', () => {
    expect(applyMention('olha @Br', { query: 'Br', start: 5, end: 8 }, bruno)).toEqual({ text: 'olha @Bruno ', caret: 12 });
    expect(applyMention('@a isso', { query: 'a', start: 0, end: 2 }, ana)).toEqual({ text: '@Ana Souza isso', caret: 11 });
  });
});

describe('mentionedIds', () => {
  it('when a picked @Name was deleted from the text, then its id is dropped; one picked twice counts once', () => {
    expect(mentionedIds('@Bruno e @Ana Souza, vejam', [bruno, ana, bruno])).toEqual(['u-bruno', 'u-ana']);
    expect(mentionedIds('@Bruno vejam', [bruno, ana])).toEqual(['u-bruno']);
    expect(mentionedIds('ninguém', [bruno])).toEqual([]);
  });
});

describe('splitMentions', () => {
  it('when a note names mentioned members, then their @Name are parts of their own, the longest name winning', () => {
    const ana2 = { userId: 'u-ana2', name: 'Ana' };
    expect(splitMentions('@Ana Souza e @Ana, vejam @Carla', [ana2, ana])).toEqual([
      { text: '@Ana Souza', userId: 'u-ana' }, { text: ' e ' }, { text: '@Ana', userId: 'u-ana2' }, { text: ', vejam @Carla' },
    ]);
    expect(splitMentions('sem menções', [ana])).toEqual([{ text: 'sem menções' }]);
  });
});
