// Evolution API v2 webhook bodies, shaped as its webhook controller emits them (one event per
// POST, `data` a single object), and the JWT its `jwt_key` header option adds.
import { SignJWT } from 'jose';

let seq = 0;
/** Baileys-style message ids: "3EB0" + hex, 20 characters. */
export const keyId = () => `3EB0${(Date.now().toString(16) + (++seq).toString(16).padStart(4, '0') + Math.random().toString(16).slice(2)).slice(0, 16).toUpperCase()}`;

export const jidOf = (number: string) => (number.includes('@') ? number : `${number}@s.whatsapp.net`);

export function envelope(event: string, instance: string, data: unknown) {
  return {
    event,
    instance,
    data,
    destination: 'http://zyntra.test/hook',
    date_time: new Date().toISOString(),
    sender: '5511999990000@s.whatsapp.net',
    server_url: 'http://evolution.test',
    apikey: null,
  };
}

/** A message record as `messages.upsert`, `send.message` and the send endpoints' 201 answer carry it. */
export function messageRecord(o: { remoteJid: string; fromMe: boolean; id?: string; pushName?: string; message: Record<string, unknown>; status?: string; keyExtra?: Record<string, unknown> }) {
  const messageType = Object.keys(o.message)[0] ?? 'conversation';
  return {
    key: { remoteJid: o.remoteJid, fromMe: o.fromMe, id: o.id ?? keyId(), ...(o.keyExtra ?? {}) },
    pushName: o.pushName ?? (o.fromMe ? 'Você' : 'Cliente'),
    status: o.status ?? (o.fromMe ? 'PENDING' : 'DELIVERY_ACK'),
    message: o.message,
    messageType,
    messageTimestamp: Math.floor(Date.now() / 1000),
    instanceId: 'b1f5c0de-0000-4000-8000-000000000001',
    source: o.fromMe ? 'unknown' : 'android',
  };
}

export const text = (body: string) => ({ conversation: body });
export const image = (caption?: string) => ({
  imageMessage: { url: 'https://mmg.whatsapp.net/o1/v/t62.7118-24/enc', mimetype: 'image/jpeg', ...(caption ? { caption } : {}) },
});

export function updateData(id: string, status: string, remoteJid: string, fromMe = true) {
  return { keyId: id, remoteJid, fromMe, participant: null, status, pollUpdates: null, instanceId: 'b1f5c0de-0000-4000-8000-000000000001' };
}

/** What Evolution sends as `Authorization: Bearer …` when the webhook headers carry `jwt_key`. */
/** Evolution's webhook JWT (iat, exp = iat + 10 min); `lifetimeSec: null` leaves exp out, as a forger would. */
export function webhookJwt(key: string, o: { iatOffsetSec?: number; lifetimeSec?: number | null } = {}) {
  const iat = Math.floor(Date.now() / 1000) + (o.iatOffsetSec ?? 0);
  const jwt = new SignJWT({ app: 'evolution', action: 'webhook' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(iat);
  const lifetime = o.lifetimeSec === undefined ? 600 : o.lifetimeSec;
  if (lifetime !== null) jwt.setExpirationTime(iat + lifetime);
  return jwt.sign(new TextEncoder().encode(key));
}
