import type { CSSProperties } from 'react';

/**
 * A table cell that takes the row's spare width and no more: with `max-width: 0` the table cannot
 * grow to fit one long name or email, so its text ends in "…" (`truncate`) instead of breaking
 * mid-word or pushing the row wider than a phone; the cells with a set width keep it.
 */
export const FILL: CSSProperties = { maxWidth: 0 };
