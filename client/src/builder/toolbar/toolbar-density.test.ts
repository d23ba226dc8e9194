import { describe, expect, it } from 'vitest';
import { isQuietSave, nextDensity, toolbarLook } from './toolbar-density';

describe('how far the builder toolbar folds up', () => {
  it('when everything fits, then nothing folds', () => {
    expect(nextDensity(0, { overflowing: false, remeasure: false })).toBe(0);
    expect(toolbarLook(0)).toEqual({ labels: true, savedWords: true, language: 'full', dividers: true, fitView: true, twoRows: false });
  });

  it('when the left side overflows, then it folds one step at a time, up to the last', () => {
    expect(nextDensity(0, { overflowing: true, remeasure: false })).toBe(1);
    expect(nextDensity(1, { overflowing: true, remeasure: false })).toBe(2);
    expect(nextDensity(2, { overflowing: true, remeasure: false })).toBe(3);
    expect(nextDensity(3, { overflowing: true, remeasure: false })).toBe(4);
    expect(nextDensity(4, { overflowing: true, remeasure: false })).toBe(4);
  });

  it('when the toolbar grew or its content changed, then it unfolds to measure afresh', () => {
    expect(nextDensity(2, { overflowing: false, remeasure: true })).toBe(0);
    expect(nextDensity(1, { overflowing: true, remeasure: true })).toBe(0);
  });

  it('when folded once, then labels become icons; twice, the language is a code and dividers and zoom-to-fit go; then the language switch goes; last, the buttons take a row of their own', () => {
    expect(toolbarLook(1)).toEqual({ labels: false, savedWords: false, language: 'full', dividers: true, fitView: true, twoRows: false });
    expect(toolbarLook(2)).toEqual({ labels: false, savedWords: false, language: 'code', dividers: false, fitView: false, twoRows: false });
    expect(toolbarLook(3)).toEqual({ labels: false, savedWords: false, language: 'none', dividers: false, fitView: false, twoRows: false });
    expect(toolbarLook(4)).toEqual({ labels: false, savedWords: false, language: 'none', dividers: false, fitView: false, twoRows: true });
  });

  it('when saving failed or was refused, then the words stay; saved and saving can be a tick', () => {
    expect(['idle', 'saved', 'saving'].every((s) => isQuietSave(s as never))).toBe(true);
    expect(['error', 'refused', 'tooLarge', 'conflict'].some((s) => isQuietSave(s as never))).toBe(false);
  });
});
