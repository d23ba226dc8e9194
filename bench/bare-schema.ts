// Tables of the bare baseline (kept apart from the product's schema, in their own database).
export const BARE_SCHEMA_SQL = `
  CREATE TABLE IF NOT EXISTS bare_events (id bigserial PRIMARY KEY, payload jsonb NOT NULL, received_at timestamptz DEFAULT now());
  CREATE TABLE IF NOT EXISTS bare_conversations (id text PRIMARY KEY, last_at timestamptz, messages int DEFAULT 0);
  CREATE TABLE IF NOT EXISTS bare_messages (id bigserial PRIMARY KEY, conversation_id text NOT NULL, text text, created_at timestamptz DEFAULT now());`;
