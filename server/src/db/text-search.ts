// Searching names and messages the way people type: any letter case, with or without accents
// ("joao" finds "João", "tenis" finds "tênis"). search_fold() is PostgreSQL's unaccent, made
// immutable so the trigram indexes of migration 0110 are built on it.

/** A LIKE pattern matching `q` anywhere, its own `%`, `_` and `\` taken literally. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** SQL: `expr` contains the pattern in `param`, ignoring case and accents. */
export const foldedLike = (expr: string, param = '?') => `search_fold(${expr}) ILIKE search_fold(${param})`;
