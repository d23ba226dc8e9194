// PostgreSQL error codes the services turn into AppErrors.

/** A unique index refused the row (two requests racing to create the same name, say). */
export const isUniqueViolation = (err: unknown): boolean => (err as { code?: string } | null)?.code === '23505';
