// PostgreSQL error codes the services turn into AppErrors.

/** A unique index refused the row (two requests racing to create the same name, say). */
export const isUniqueViolation = (err: unknown): boolean => (err as { code?: string } | null)?.code === '23505';

/** NUL in text or jsonb (22021), or an escape jsonb refuses such as half a surrogate pair (22P05). */
export const isUnstorableText = (err: unknown): boolean => ['22021', '22P05'].includes((err as { code?: string } | null)?.code ?? '');

/** The statement ran past DATABASE_STATEMENT_TIMEOUT_MS and PostgreSQL cancelled it (57014). */
export const isStatementTimeout = (err: unknown): boolean => (err as { code?: string } | null)?.code === '57014';
