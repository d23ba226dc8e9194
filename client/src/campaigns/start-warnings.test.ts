import { describe, expect, it } from 'vitest';
import type { ChannelTemplate } from './campaigns-api';
import { startWarnings } from './start-warnings';

const campaign = { channelId: 'ch1', template: { name: 'promo_pascoa', language: 'pt_BR', parameters: {} }, warnings: [] };
const tpl = (status: string, language = 'pt_BR'): ChannelTemplate => ({ id: 't', name: 'promo_pascoa', language, status });
const channel = (status: string) => [{ id: 'ch1', name: 'WhatsApp Doceria', status }];

describe('what the start confirmation warns about', () => {
  it('when the template is approved on an active number, then nothing', () => {
    expect(startWarnings(campaign, [tpl('APPROVED')], channel('active'))).toEqual([]);
  });

  it('when the channel does not list the template approved in that language, then the template warning', () => {
    expect(startWarnings(campaign, [], channel('active'))).toEqual([{ kind: 'templateUnknown' }]);
    expect(startWarnings(campaign, [tpl('PENDING')], channel('active'))).toEqual([{ kind: 'templateUnknown' }]);
    expect(startWarnings(campaign, [tpl('APPROVED', 'en_US')], channel('active'))).toEqual([{ kind: 'templateUnknown' }]);
  });

  it('when the number is not verified or disabled, then it says so, naming the number', () => {
    expect(startWarnings(campaign, [tpl('APPROVED')], channel('pending'))).toEqual([{ kind: 'channelPending', channel: 'WhatsApp Doceria' }]);
    expect(startWarnings(campaign, [tpl('APPROVED')], channel('disabled'))).toEqual([{ kind: 'channelDisabled', channel: 'WhatsApp Doceria' }]);
  });

  it('when the channels could not be read, then no channel warning is made up', () => {
    expect(startWarnings(campaign, [tpl('APPROVED')], [])).toEqual([]);
  });

  it('when the number is a gateway, then the ban risk is repeated too', () => {
    const gateway = { ...campaign, warnings: [{ code: 'unofficial_number_ban_risk', message: '' }] };
    expect(startWarnings(gateway, [], channel('pending')).map((w) => w.kind)).toEqual(['templateUnknown', 'channelPending', 'gateway']);
  });
});
