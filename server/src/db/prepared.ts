// The hot path's statements run as named prepared statements: PostgreSQL parses and plans each
// once per connection instead of on every call (the inbound store alone spent ~3 ms per message
// planning). A name must always go with the same SQL text; pass it to a raw query's `.options()`.
export const prepared = (name: string): { name: string } => ({ name });
