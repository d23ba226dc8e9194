// Ordered list of migrations. Add a new file and one line here; names never change once released.
import type { Knex } from 'knex';
import * as core from './20261124_0001_core';
import * as engine from './20261124_0002_engine';
import * as webchat from './20261124_0003_webchat';
import * as mediaSweep from './20261124_0004_media_sweep';
import * as inboundRejections from './20261201_0005_inbound_rejections';
import * as retention from './20261201_0008_retention';
import * as inboxList from './20261201_0010_inbox_list';
import * as cannedResponses from './20261201_0011_canned_responses';
import * as agentSends from './20261201_0012_agent_sends';
import * as inboxAssignment from './20261201_0013_inbox_assignment';
import * as contactNameEdits from './20261201_0014_contact_name_edits';
import * as messageFidelity from './20261201_0020_message_fidelity';
import * as eventFailures from './20261201_0030_event_failures';
import * as membersRolesKeys from './20261201_0040_members_roles_keys';
import * as listenerRetries from './20261201_0050_listener_retries';
import * as outboundWebhooks from './20261201_0051_outbound_webhooks';
import * as webhookRetention from './20261201_0052_webhook_retention';
import * as contactsDirectory from './20261201_0060_contacts_directory';
import * as whatsappTemplates from './20261201_0061_whatsapp_templates';
import * as campaigns from './20261201_0070_campaigns';
import * as campaignOutreach from './20261201_0075_campaign_outreach';
import * as contactFilters from './20261201_0090_contact_filters';
import * as testChatHandoffs from './20261203_0100_test_chat_handoffs';
import * as accentInsensitiveSearch from './20261203_0110_accent_insensitive_search';
import * as webhookMessageTypes from './20261203_0120_webhook_message_types';
import * as handoffKinds from './20261204_0130_handoff_kinds';
import * as conversationActivity from './20261205_0140_conversation_activity';
import * as sendTemplateButtons from './20261205_0150_send_template_buttons';
import * as messageApiKey from './20261205_0160_message_api_key';
import * as outboxSweepIndex from './20261205_0170_outbox_sweep_index';
import * as waitingQueueIndex from './20261205_0180_waiting_queue_index';
import * as hotPathLookups from './20261205_0190_hot_path_lookups';
import * as importAttributeColumns from './20261205_0200_import_attribute_columns';
import * as failedMessagesIndex from './20261206_0210_failed_messages_index';
import * as contactAttributeNames from './20261206_0220_contact_attribute_names';
import * as closedHandoffsIndex from './20261206_0230_closed_handoffs_index';
import * as conversationSnooze from './20261206_0240_conversation_snooze';
import * as snoozedListIndex from './20261206_0250_snoozed_list_index';
import * as satisfactionSurveys from './20261206_0260_satisfaction_surveys';
import * as surveysSentIndex from './20261207_0270_surveys_sent_index';

type Migration = { up(db: Knex): Promise<void>; down(db: Knex): Promise<void>; config?: { transaction?: boolean } };

const migrations: Array<[string, Migration]> = [
  ['20261124_0001_core', core],
  ['20261124_0002_engine', engine],
  ['20261124_0003_webchat', webchat],
  ['20261124_0004_media_sweep', mediaSweep],
  ['20261201_0005_inbound_rejections', inboundRejections],
  ['20261201_0008_retention', retention],
  ['20261201_0010_inbox_list', inboxList],
  ['20261201_0011_canned_responses', cannedResponses],
  ['20261201_0012_agent_sends', agentSends],
  ['20261201_0013_inbox_assignment', inboxAssignment],
  ['20261201_0014_contact_name_edits', contactNameEdits],
  ['20261201_0020_message_fidelity', messageFidelity],
  ['20261201_0030_event_failures', eventFailures],
  ['20261201_0040_members_roles_keys', membersRolesKeys],
  ['20261201_0050_listener_retries', listenerRetries],
  ['20261201_0051_outbound_webhooks', outboundWebhooks],
  ['20261201_0052_webhook_retention', webhookRetention],
  ['20261201_0060_contacts_directory', contactsDirectory],
  ['20261201_0061_whatsapp_templates', whatsappTemplates],
  ['20261201_0070_campaigns', campaigns],
  ['20261201_0075_campaign_outreach', campaignOutreach],
  ['20261201_0090_contact_filters', contactFilters],
  ['20261203_0100_test_chat_handoffs', testChatHandoffs],
  ['20261203_0110_accent_insensitive_search', accentInsensitiveSearch],
  ['20261203_0120_webhook_message_types', webhookMessageTypes],
  ['20261204_0130_handoff_kinds', handoffKinds],
  ['20261205_0140_conversation_activity', conversationActivity],
  ['20261205_0150_send_template_buttons', sendTemplateButtons],
  ['20261205_0160_message_api_key', messageApiKey],
  ['20261205_0170_outbox_sweep_index', outboxSweepIndex],
  ['20261205_0180_waiting_queue_index', waitingQueueIndex],
  ['20261205_0190_hot_path_lookups', hotPathLookups],
  ['20261205_0200_import_attribute_columns', importAttributeColumns],
  ['20261206_0210_failed_messages_index', failedMessagesIndex],
  ['20261206_0220_contact_attribute_names', contactAttributeNames],
  ['20261206_0230_closed_handoffs_index', closedHandoffsIndex],
  ['20261206_0240_conversation_snooze', conversationSnooze],
  ['20261206_0250_snoozed_list_index', snoozedListIndex],
  ['20261206_0260_satisfaction_surveys', satisfactionSurveys],
  ['20261207_0270_surveys_sent_index', surveysSentIndex],
];

export const migrationSource: Knex.MigrationSource<[string, Migration]> = {
  getMigrations: async () => migrations,
  getMigrationName: ([name]) => name,
  getMigration: async ([, migration]) => migration,
};
