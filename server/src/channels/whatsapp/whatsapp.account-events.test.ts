import { describe, expect, it } from 'vitest';
import { parseWhatsAppAccountEvents } from './whatsapp.account-events';

const wrap = (field: string, value: unknown) => ({ object: 'whatsapp_business_account', entry: [{ id: 'WABA-1', changes: [{ field, value }] }] });
const now = new Date('2026-12-01T12:00:00Z');

describe('parseWhatsAppAccountEvents', () => {
  it('when a user stops or resumes marketing, then each preference is one event', () => {
    const body = wrap('user_preferences', {
      metadata: { phone_number_id: '1065' },
      user_preferences: [
        { wa_id: '5511988887777', detail: 'stop', category: 'marketing_messages', value: 'stop', timestamp: 1764590000 },
        { wa_id: '5511977776666', category: 'marketing_messages', value: 'resume', timestamp: 1764590001 },
        { wa_id: '5511966665555', category: 'other', value: 'stop' },
        { wa_id: '5511955554444', category: 'marketing_messages', value: 'maybe' },
      ],
    });
    expect(parseWhatsAppAccountEvents(body, now)).toEqual([
      { kind: 'marketing_preference', phoneNumberId: '1065', waId: '5511988887777', value: 'stop', at: new Date(1764590000 * 1000).toISOString() },
      { kind: 'marketing_preference', phoneNumberId: '1065', waId: '5511977776666', value: 'resume', at: new Date(1764590001 * 1000).toISOString() },
    ]);
  });

  it('when Meta reports a template review, quality or category change, then it names the template and its business account', () => {
    const ref = { message_template_id: 1689556908129835, message_template_name: 'pedido_saiu', message_template_language: 'pt_BR' };
    const body = {
      entry: [{ id: 'WABA-1', changes: [
        { field: 'message_template_status_update', value: { event: 'REJECTED', ...ref, reason: 'INVALID_FORMAT', message_template_category: 'UTILITY' } },
        { field: 'message_template_quality_update', value: { ...ref, previous_quality_score: 'GREEN', new_quality_score: 'RED' } },
        { field: 'template_category_update', value: { ...ref, previous_category: 'UTILITY', new_category: 'MARKETING' } },
        { field: 'messages', value: {} },
      ] }],
    };
    const t = { templateId: '1689556908129835', name: 'pedido_saiu', language: 'pt_BR', wabaId: 'WABA-1' };
    expect(parseWhatsAppAccountEvents(body, now)).toEqual([
      { kind: 'template_status', ...t, status: 'REJECTED', reason: 'INVALID_FORMAT', category: 'UTILITY' },
      { kind: 'template_quality', ...t, previous: 'GREEN', score: 'RED' },
      { kind: 'template_category', ...t, previous: 'UTILITY', category: 'MARKETING' },
    ]);
  });

  it('when the payload is malformed, then nothing is thrown and nothing is made up', () => {
    for (const body of [null, 'x', { entry: 5 }, wrap('message_template_status_update', { event: 'approved<script>' }), wrap('constructor', {}), wrap('user_preferences', { user_preferences: 'x' })]) {
      expect(parseWhatsAppAccountEvents(body, now)).toEqual([]);
    }
  });
});
