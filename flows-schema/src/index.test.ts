import { describe, expect, it } from 'vitest';
import * as api from './index';

const RUNTIME_EXPORTS = [
  'BUILT_IN_VARIABLES',
  // What a variable may be called, for the builder's "new variable" in a variable picker.
  'IDENTIFIER_PATTERN',
  'UPDATE_TYPES',
  'describeAll',
  'describeContent',
  'isUpdateContent',
  'CONDITION_OPERANDS',
  // Why an AI reply step failed when no AI provider is set up: the worker says it, the test chat explains it.
  'NO_AI_PROVIDER',
  // Why an AI reply step failed (its run-log outcome ai_<cause>): the worker names it, the test chat and inbox say it.
  'AI_FAILURE_CAUSES',
  'CURRENT_SCHEMA_VERSION',
  'FLOW_LIMITS',
  'LOCALES',
  'MAX_NODE_NAME_LENGTH',
  'NODE_COLORS',
  'NODE_ICONS',
  'MAX_REGEX_LENGTH',
  'MAX_REGEX_PROGRAM_SIZE',
  'NODE_TYPES',
  'REGEX_FLAGS',
  'WHATSAPP_LIMITS',
  // Where a moment falls on a time zone's clock (business hours, campaign sending windows).
  'clockMinutes',
  'localClock',
  'withinHours',
  // The time zones a business picks from, named in both languages (business hours, campaigns).
  'TIME_ZONES',
  'TIME_ZONE_IDS',
  'timeZoneLabel',
  // Whether the runtime knows an IANA zone id (campaign windows and reports by day take any).
  'isValidTimeZone',
  // A zone's own id, an old alias turned into the zone it names (reports by day hand it to PostgreSQL).
  'canonicalTimeZone',
  // Credentials: the mark of their stored (sealed) form, the longest one that fits it, and the check.
  'SEALED_SECRET_MARK',
  'oversizedSecretBytes',
  'SECRET_MAX_BYTES',
  // WhatsApp message templates: the rules Meta applies, shared by the server and the template form.
  'EDITABLE_TEMPLATE_STATUSES',
  'HEADER_FORMATS',
  // How many people a number may reach per day at each of WhatsApp's messaging limit tiers.
  'MESSAGING_TIER_LIMITS',
  'TEMPLATE_CATEGORIES',
  'TEMPLATE_LIMITS',
  'templateComponent',
  'templateDefinition',
  'templateEdit',
  'templateVariables',
  'variableCount',
  // Sending one: parameters filled from the contact and flow variables, checked against the template.
  'buttonParameters',
  'contactVars',
  'fillTemplateSend',
  'headerParameter',
  'parameterValues',
  'templateBodyText',
  'templateParameterIssues',
  'templateParameterNames',
  // A flow's send_template steps against the workspace's templates, for publish and the editor.
  'templateStepProblems',
  'templateSteps',
  // A sent template's header, footer and buttons as the customer saw them, for the inbox.
  'templateView',
  // What a contact attribute may be called, for the contacts API, the CSV import, the drawer and the Actions step.
  'ATTRIBUTE_NAME_MAX',
  'attributeNameFromColumn',
  'attributeNameKey',
  'contactAttributeOf',
  'valueAnyCase',
  'attributeNameProblem',
  'isAttributeName',
  'isReservedAttributeName',
  // Files as spreadsheets save them (UTF-8, UTF-16, Windows-1252; CSV with , or ;), for contact imports and campaign audiences.
  'decodeText',
  'looksBinary',
  'csvColumn',
  // The longest text a channel's, a contact's or a campaign's fields take, shared by the server's schemas and the forms.
  'CAMPAIGN_LIMITS',
  'CHANNEL_LIMITS',
  'CONTACT_LIMITS',
  'WEBHOOK_TOKEN_MIN',
  'parseCsv',
  // The file name a flow exports under, the same in the browser's download and the server's answer.
  'slugify',
  'anyNodeDefinition',
  'checkRegex',
  'compileRegex',
  'compileSafeRegex',
  'defineNode',
  'emptyFlow',
  'extractVariables',
  'findMalformedPlaceholders',
  'field',
  'fieldMeta',
  'fieldSchema',
  'leafPaths',
  'flowDocumentSchema',
  'flowEdgeSchema',
  'flowJsonSchema',
  'flowSizeProblems',
  'flowNodeSchema',
  'flowSettingsSchema',
  'getNodeDefinition',
  'hasErrors',
  'interpolate',
  'isLimitProblem',
  'isNodeType',
  'isSafeRegex',
  'migrateFlow',
  'migrations',
  'nodeNameSchema',
  'nodeRegistry',
  'normalizeText',
  'outputsOf',
  'parseNumber',
  'parseTemplate',
  'problemCatalog',
  'textIn',
  'unwrapField',
  'validateFlow',
];

describe('public API', () => {
  it('when the package entry is imported, then it exposes exactly the documented runtime names', () => {
    expect(Object.keys(api).sort()).toEqual([...RUNTIME_EXPORTS].sort());
  });

  it('when a flow is built, validated and rendered through the entry point only, then the pieces fit', () => {
    const doc = api.emptyFlow();
    expect(api.hasErrors(api.validateFlow(doc))).toBe(true);
    expect(api.interpolate('Oi {{contact.name|"cliente"}}', {})).toBe('Oi cliente');
    expect(api.normalizeText('Olá')).toBe('ola');
    expect(api.isSafeRegex('(a+)+')).toBe(false);
  });
});
