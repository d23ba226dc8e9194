import { describe, expect, it } from 'vitest';
import { CHANNEL_LIMITS } from '@zyntra/flows-schema';
import { channelBody, changedConfig, editValues, embedSnippet, generateToken, initialValues, maxLengthOf, validateChannel } from './channel-forms';

describe('channel forms', () => {
  it('generates distinct URL-safe tokens long enough for the server', () => {
    const a = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
  });

  it('prefills only the generated tokens and the defaults of choices', () => {
    const v = initialValues('whatsapp_cloud');
    expect(v.verifyToken).toHaveLength(43);
    expect(v.accessToken).toBe('');
    expect(initialValues('evolution').webhookToken).toHaveLength(43);
    expect(initialValues('webchat')).toEqual({ name: '', language: 'pt-BR', color: '#12b886', title: '' });
    expect([initialValues('whatsapp_cloud').language, initialValues('evolution').language]).toEqual(['pt-BR', 'pt-BR']);
  });

  it('requires every field and checks URLs and token length', () => {
    expect(validateChannel('whatsapp_cloud', { name: ' ' })).toMatchObject({
      name: { key: 'validation.required' },
      phoneNumberId: { key: 'validation.required' },
      verifyToken: { key: 'validation.required' },
    });
    const evo = {
      name: 'Loja',
      baseUrl: 'evolution.local',
      instance: 'x',
      apiKey: 'k',
      webhookToken: 'short',
      language: 'pt-BR',
    };
    // Meta's ids are digits: "abc" or a phone number with its + and spaces is refused before any round trip.
    expect(validateChannel('whatsapp_cloud', { name: 'Loja', phoneNumberId: 'abc', businessAccountId: '+55 11 9', accessToken: 'a', appSecret: 's', verifyToken: 'v', language: 'en' })).toEqual({
      phoneNumberId: { key: 'validation.digits' },
      businessAccountId: { key: 'validation.digits' },
    });
    expect(validateChannel('evolution', evo)).toEqual({
      baseUrl: { key: 'validation.url' },
      webhookToken: { key: 'validation.passwordTooShort', values: { min: 8 } },
    });
    expect(validateChannel('webchat', { ...initialValues('webchat'), name: 'Site' })).toEqual({});
    expect(validateChannel('webchat', { ...initialValues('webchat'), name: 'Site', color: 'red' })).toEqual({ color: { key: 'validation.color' } });
  });

  it('builds a trimmed body with only the type’s own keys', () => {
    const body = channelBody('evolution', {
      name: ' Loja ',
      baseUrl: 'https://evo.example.com ',
      instance: 'loja',
      apiKey: 'key\n',
      webhookToken: 'tok-12345',
      phoneNumberId: 'stray',
    });
    expect(body).toEqual({
      type: 'evolution',
      name: 'Loja',
      config: {
        baseUrl: 'https://evo.example.com',
        instance: 'loja',
        apiKey: 'key',
        webhookToken: 'tok-12345',
      },
    });
    expect(channelBody('webchat', { name: 'Site' })).toEqual({ type: 'webchat', name: 'Site', config: {} });
    expect(channelBody('webchat', { ...initialValues('webchat'), name: 'Site', language: 'en' })).toEqual({ type: 'webchat', name: 'Site', config: { language: 'en', color: '#12b886' } });
  });

  it('when a channel is edited, then secrets start empty, stay optional and only what changed is sent', () => {
    const channel = { name: 'Vendas', config: { phoneNumberId: '109876543210987', businessAccountId: '102345678901234' } };
    const values = editValues('whatsapp_cloud', channel);
    expect(values).toEqual({ name: 'Vendas', phoneNumberId: '109876543210987', businessAccountId: '102345678901234', accessToken: '', appSecret: '', verifyToken: '', language: 'pt-BR' });
    expect(validateChannel('whatsapp_cloud', values, true)).toEqual({});
    expect(validateChannel('whatsapp_cloud', values).accessToken).toEqual({ key: 'validation.required' });
    expect(changedConfig('whatsapp_cloud', channel, values)).toEqual({});
    expect(changedConfig('whatsapp_cloud', channel, { ...values, accessToken: ' EAAnovo\n', businessAccountId: '999' })).toEqual({ accessToken: 'EAAnovo', businessAccountId: '999' });
    // The customers' language: a channel that never set it reads Portuguese, and only a change is sent.
    expect(changedConfig('whatsapp_cloud', channel, { ...values, language: 'en' })).toEqual({ language: 'en' });
    const english = { name: 'Evo', config: { instance: 'loja', language: 'en' } };
    expect(editValues('evolution', english).language).toBe('en');
    expect(changedConfig('evolution', english, { ...editValues('evolution', english), language: 'pt-BR' })).toEqual({ language: 'pt-BR' });
    const site = { name: 'Site', config: { language: 'pt-BR', color: '#12b886' } };
    expect(changedConfig('webchat', site, { ...editValues('webchat', site), title: '', color: '#228be6' })).toEqual({ color: '#228be6' });
    // A title that was set and is emptied is sent empty: the server clears it.
    const titled = { name: 'Site', config: { language: 'pt-BR', color: '#12b886', title: 'Doces da Márcia' } };
    expect(changedConfig('webchat', titled, { ...editValues('webchat', titled), title: '  ' })).toEqual({ title: '' });
  });

  it('writes the web chat embed tag', () => {
    expect(embedSnippet('https://app.zyntra.io', 'c1')).toBe(
      '<script src="https://app.zyntra.io/widget.js" data-channel="c1" async></script>',
    );
  });

  it('when a field has a length the server keeps to, then its input stops there; choices and colours have none', () => {
    expect(maxLengthOf('name')).toBe(CHANNEL_LIMITS.name);
    expect(maxLengthOf('title')).toBe(CHANNEL_LIMITS.title);
    expect(maxLengthOf('accessToken')).toBe(CHANNEL_LIMITS.accessToken);
    expect(maxLengthOf('color')).toBeUndefined();
    expect(maxLengthOf('language')).toBeUndefined();
  });
});
