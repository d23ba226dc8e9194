import { describe, expect, it } from 'vitest';
import { fileSize } from './file-size';

describe('fileSize', () => {
  it('counts bytes under a kilobyte instead of rounding up to 1 KB', () => {
    expect(fileSize(100, 'pt-BR')).toBe('100 bytes');
    expect(fileSize(1, 'en')).toBe('1 byte');
    expect(fileSize(1023, 'en')).toBe('1,023 bytes');
  });

  it('gives kilobytes whole and megabytes to one decimal, in the language’s digits', () => {
    expect(fileSize(12 * 1024 + 100, 'en')).toBe('12 KB');
    expect(fileSize(1.5 * 1024 * 1024, 'pt-BR')).toBe('1,5 MB');
    expect(fileSize(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
  });
});
