import { describe, expect, it } from 'vitest';
import { campaignRate } from './campaign-sender';
import { fillTemplate } from './template-fill';
import type { CampaignRow } from './campaigns.queries';
import { dailyLimitFor } from './messaging-tier';
import { reasonOfMessageError } from './recipient-reasons';

const contact = { name: 'Ana', phone: '5511988887777', external_id: '5511988887777', attributes: { cidade: 'Recife', pedido: 1023 } };

describe('campaign template filling', () => {
  it('when parameters use contact fields and attributes, then each is filled for the recipient', () => {
    const c = fillTemplate(
      { name: 'pedido', language: 'pt_BR', parameters: { body: ['{{contact.name}}', '#{{pedido}}'], buttons: [{ index: 0, subType: 'url', value: '{{pedido}}' }] }, text: 'Olá {{1}}, pedido {{2}} em {{cidade}}' },
      contact,
    );
    expect(c.template).toEqual({ name: 'pedido', language: 'pt_BR', parameters: { body: ['Ana', '#1023'], buttons: [{ index: 0, subType: 'url', value: '1023' }] } });
    expect(c.text).toBe('Olá Ana, pedido #1023 em Recife');
  });

  it('when a contact name holds placeholders, then they are not interpolated again', () => {
    const c = fillTemplate({ name: 't', language: 'pt_BR', parameters: { body: ['{{contact.name}}'] } }, { ...contact, name: '{{cidade}}' });
    expect(c.template!.parameters.body).toEqual(['{{cidade}}']);
  });
});

describe('campaign pacing', () => {
  const campaign = (p: Partial<CampaignRow>) => ({ messages_per_second: null, daily_limit: null, ...p }) as CampaignRow;
  const channel = (config: Record<string, string>) => ({ id: 'c', tenantId: 't', type: 'whatsapp_cloud' as const, name: 'n', config, secrets: {} });

  it('when the number allows 80/s, then a campaign takes at most 64/s and live replies keep the rest', () => {
    expect(campaignRate(campaign({}), channel({}))).toBe(64);
    expect(campaignRate(campaign({ messages_per_second: 10 }), channel({}))).toBe(10);
    expect(campaignRate(campaign({ messages_per_second: 500 }), channel({ messagesPerSecond: '100' }))).toBe(80);
  });

  it('when the tier is TIER_250, then the daily limit is 250 unless the campaign asks for less', () => {
    expect(dailyLimitFor(campaign({}), channel({ messagingLimitTier: 'TIER_250' }))).toBe(250);
    expect(dailyLimitFor(campaign({ daily_limit: 100 }), channel({ messagingLimitTier: 'TIER_250' }))).toBe(100);
    expect(dailyLimitFor(campaign({}), channel({}))).toBeNull();
  });

  it('when a message failed with a provider code, then the reason is the plain one', () => {
    expect(reasonOfMessageError('131049: held back')).toBe('marketing_limit');
    expect(reasonOfMessageError('131050: stopped')).toBe('marketing_stopped');
    expect(reasonOfMessageError('130472: experiment')).toBe('marketing_experiment');
    expect(reasonOfMessageError('999: other')).toBe('send_failed');
  });
});
