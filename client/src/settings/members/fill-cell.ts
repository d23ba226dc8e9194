import type { CSSProperties } from 'react';

/**
 * A table cell that takes the row's spare width and no more: with `max-width: 0` the table cannot
 * grow to fit one long name or email, so its text ends in "…" (`truncate`) instead of breaking
 * mid-word or pushing the row wider than a phone; the cells with a set width keep it.
 */
export const FILL: CSSProperties = { maxWidth: 0 };

/**
 * A table cell whose names and emails show whole, wrapping over lines when the row is narrow (a
 * phone): `anywhere` lets a long word break too, so the table never grows wider than the screen.
 */
export const WRAP: CSSProperties = { overflowWrap: 'anywhere' };
