// Public API of @zyntra/flows-schema: the flow contract shared by the server engine and the editor.
export type { Locale, Localized } from './localized';
export { LOCALES } from './localized';

export type {
  CheckContext,
  NodeConfig,
  NodeDefinition,
  NodeRegistry,
  NodeType,
  OutputHandle,
  SecretField,
  TemplateText,
} from './nodes';
export { anyNodeDefinition, getNodeDefinition, isNodeType, NODE_TYPES, nodeRegistry } from './nodes';
export { defineNode } from './nodes/define-node';
export type { FieldMeta, FieldWidget, Text } from './nodes/field-meta';
export { field, fieldMeta, fieldSchema, leafPaths, textIn, unwrapField } from './nodes/field-meta';
export type { NodeColor, NodeIcon } from './nodes/node-look';
export { NODE_COLORS, NODE_ICONS } from './nodes/node-look';
export type { AiFailureCause, AiReplyConfig } from './nodes/ai-reply';
export { AI_FAILURE_CAUSES, NO_AI_PROVIDER } from './nodes/ai-reply';
export type { ConditionConfig } from './nodes/condition';
export { CONDITION_OPERANDS } from './nodes/condition';
export type { MessageConfig } from './nodes/message';
export type { OutboundContent, OutboundQuote, TemplateSend } from './outbound-content';
export { WHATSAPP_LIMITS } from './nodes/message-checks';
export type { SendTemplateButton, SendTemplateConfig } from './nodes/send-template';
export type { TransferConfig } from './nodes/transfer';
export type { TriggerConfig } from './nodes/trigger';
export type { WaitConfig } from './nodes/wait';

export type {
  FlowDocument,
  FlowEdge,
  FlowNode,
  FlowNodeOf,
  FlowSettings,
  FlowVariable,
} from './flow-document';
export {
  CURRENT_SCHEMA_VERSION,
  emptyFlow,
  flowDocumentSchema,
  flowEdgeSchema,
  flowNodeSchema,
  flowSettingsSchema,
  MAX_NODE_NAME_LENGTH,
  nodeNameSchema,
  outputsOf,
} from './flow-document';

export type { Problem, ProblemCode, Severity } from './validate/problems';
export { hasErrors, problemCatalog } from './validate/problems';
export { validateFlow } from './validate/validate-flow';
export { oversizedSecretBytes, SEALED_SECRET_MARK, SECRET_MAX_BYTES } from './secrets';
export { FLOW_LIMITS, flowSizeProblems, isLimitProblem } from './validate/flow-limits';

export type { Migration, MigrateResult } from './migrations/migrate-flow';
export { migrateFlow, migrations } from './migrations/migrate-flow';

export type { BuiltInVariable, TemplateSegment } from './interpolation/parse-template';
export { BUILT_IN_VARIABLES, IDENTIFIER_PATTERN, extractVariables, findMalformedPlaceholders, parseTemplate } from './interpolation/parse-template';
export { interpolate, type AnyCase } from './interpolation/interpolate';

export { normalizeText } from './text/normalize';
export { slugify } from './text/slugify';
export type { DecodedText } from './text/decode-text';
export { decodeText, looksBinary } from './text/decode-text';
export type { CsvRecord } from './text/csv';
export { csvColumn, parseCsv } from './text/csv';
export type { AttributeNameProblem } from './contacts/attribute-name';
export { ATTRIBUTE_NAME_MAX, attributeNameFromColumn, attributeNameKey, attributeNameProblem, contactAttributeOf, isAttributeName, isReservedAttributeName, valueAnyCase } from './contacts/attribute-name';
export { CAMPAIGN_LIMITS, CHANNEL_LIMITS, CONTACT_LIMITS, WEBHOOK_TOKEN_MIN } from './limits/field-limits';
export { parseNumber } from './text/number';
export type { LocalClock } from './time/local-clock';
export { clockMinutes, localClock, withinHours } from './time/local-clock';
export type { TimeZone } from './time/time-zones';
export { canonicalTimeZone, isValidTimeZone, TIME_ZONE_IDS, TIME_ZONES, timeZoneLabel } from './time/time-zones';
export type { CompiledRegex, LinearRegex, RegexCheck, RegexFailure } from './regex/safe-regex';
export {
  checkRegex,
  compileRegex,
  compileSafeRegex,
  isSafeRegex,
  MAX_REGEX_LENGTH,
  MAX_REGEX_PROGRAM_SIZE,
  REGEX_FLAGS,
} from './regex/safe-regex';

export { flowJsonSchema } from './json-schema';

export type { TemplateComponent, TemplateDefinition, TemplateEdit } from './whatsapp-templates/template-definition';
export { MESSAGING_TIER_LIMITS } from './whatsapp-templates/messaging-tier';
export type { ButtonParameter, TemplateContact, TemplateDraft } from './whatsapp-templates/template-send';
export type { TemplateView, TemplateViewButton, TemplateViewHeader } from './whatsapp-templates/template-view';
export { templateView } from './whatsapp-templates/template-view';
export type { WorkspaceTemplate } from './whatsapp-templates/template-step-problems';
export { templateStepProblems, templateSteps } from './whatsapp-templates/template-step-problems';
export {
  buttonParameters,
  contactVars,
  fillTemplateSend,
  headerParameter,
  parameterValues,
  templateBodyText,
  templateParameterIssues,
  templateParameterNames,
} from './whatsapp-templates/template-send';
export {
  EDITABLE_TEMPLATE_STATUSES,
  HEADER_FORMATS,
  TEMPLATE_CATEGORIES,
  TEMPLATE_LIMITS,
  templateComponent,
  templateDefinition,
  templateEdit,
  templateVariables,
  variableCount,
} from './whatsapp-templates/template-definition';
export type {
  ContactCard,
  EditContent,
  InboundMedia,
  InteractiveReply,
  LocationContent,
  MessageContent,
  OrderContent,
  QuotedContext,
  ReactionContent,
  Referral,
  RevokeContent,
  SystemContent,
} from './message-content/content';
export { isUpdateContent, UPDATE_TYPES } from './message-content/content';
export { describeAll, describeContent } from './message-content/describe';
