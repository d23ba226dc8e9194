import { describe, expect, it } from 'vitest';
import { signWhatsApp, verifyWhatsAppSignature } from './whatsapp.signature';

describe('WhatsApp webhook signature', () => {
  it('when signing the reference body, then it matches the reference vector', () => {
    const body = '{"object":"whatsapp_business_account","entry":[]}';
    expect(signWhatsApp(body, 'test_app_secret')).toBe('sha256=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756');
  });

  it('when the body, secret or header differ, then verification fails', () => {
    const raw = Buffer.from('{"a":"ol\\u00e1"}');
    const good = signWhatsApp(raw, 's3cret');
    expect(verifyWhatsAppSignature(raw, good, 's3cret')).toBe(true);
    expect(verifyWhatsAppSignature(raw, good.toUpperCase().replace('SHA256=', 'sha256='), 's3cret')).toBe(true);
    expect(verifyWhatsAppSignature(Buffer.from('{"a":"olá"}'), good, 's3cret')).toBe(false);
    expect(verifyWhatsAppSignature(raw, good, 'other')).toBe(false);
    expect(verifyWhatsAppSignature(raw, undefined, 's3cret')).toBe(false);
    expect(verifyWhatsAppSignature(raw, 'sha1=abc', 's3cret')).toBe(false);
  });
});
