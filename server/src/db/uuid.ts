// Ids that reach a ::uuid cast or a uuid column are checked first: anything else would be a database
// error (a 500) where the caller deserves a 400 or a 404.
const UUID_SOURCE = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const UUID = new RegExp(UUID_SOURCE);

export const isUuid = (text: string) => UUID.test(text);

/**
 * SQL for a text expression (a jsonb field, a text column) as a uuid, or NULL when it is not one:
 * for joining on ids kept as text, where a bad one must match nothing rather than fail the query.
 * `expr` is SQL written by the caller, never a value from a request.
 */
export const uuidOrNullSql = (expr: string) => `CASE WHEN ${expr} ~ '${UUID_SOURCE}' THEN (${expr})::uuid END`;
