import { z } from 'zod';

export const inboxSettingsSchema = z.object({
  /** Round-robin new chats among the online agents of the transfer's team (everyone, without a team). */
  autoAssign: z.boolean(),
  /** Automatic assignment skips an agent holding this many open chats. */
  maxOpenPerAgent: z.number().int().min(1).max(1000),
  /** After this long with nobody taking a transferred chat, the customer gets noAgentMessage (null: never). */
  noAgentTimeoutMinutes: z.number().min(0.01).max(1440).nullable(),
  noAgentMessage: z.string().trim().max(1024),
  /** And, when set, the conversation goes back to this flow (it answers the customer's next message). */
  noAgentFlowId: z.uuid().nullable(),
  /** When a person closes a chat they held, the customer is asked to rate the service (3 buttons). */
  satisfactionSurvey: z.boolean().describe('When a person closes a chat they held, ask the customer to rate the service (off by default)'),
});
export type InboxSettings = z.infer<typeof inboxSettingsSchema>;

export const DEFAULT_INBOX_SETTINGS: InboxSettings = {
  autoAssign: false, maxOpenPerAgent: 10, noAgentTimeoutMinutes: null, noAgentMessage: '', noAgentFlowId: null, satisfactionSurvey: false,
};

/** What is stored may be older or partial: read it over the defaults, dropping what no longer fits. */
export function storedSettings(raw: unknown): InboxSettings {
  const parsed = inboxSettingsSchema.partial().safeParse(raw ?? {});
  return { ...DEFAULT_INBOX_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}
