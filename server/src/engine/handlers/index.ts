// The single map from node type to behaviour: a new node type fails to compile until it has one.
import { aiReply } from './ai-reply';
import { condition } from './condition';
import { message } from './message';
import { transfer } from './transfer';
import { trigger } from './trigger';
import type { HandlerRegistry } from './types';
import { wait } from './wait';
import { actions } from './actions';
import { httpRequest } from './http-request';
import { sendTemplate } from './send-template';
import { randomizer } from './randomizer';
import { businessHours } from './business-hours';

export type { HandlerRegistry, NodeHandler, ResumeEvent, Step, StepWait } from './types';

// HandlerRegistry is Record<NodeType, NodeHandler> with each entry typed by its own node type.
export const handlers = { trigger, message, wait, condition, ai_reply: aiReply, transfer, actions, http_request: httpRequest, send_template: sendTemplate, randomizer, business_hours: businessHours } satisfies HandlerRegistry;
