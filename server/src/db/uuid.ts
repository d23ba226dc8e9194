// Ids that reach a ::uuid cast or a uuid column are checked first: anything else would be a database
// error (a 500) where the caller deserves a 400 or a 404.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (text: string) => UUID.test(text);
