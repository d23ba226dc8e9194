// Inbound media from the Cloud API, in Meta's two steps: GET /{version}/{media-id} gives a
// short-lived URL (valid ~5 minutes, on a CDN host, not graph.facebook.com), then GET that URL
// with the same Bearer token gives the bytes. The URL is used at once and never stored.
import type { Config } from '../../config/env';
import type { ChannelRecord } from '../channel-types';
import type { SendErrorKind } from '../channel-adapter';
import { MediaDownloadError, type MediaSource } from '../media-source';

/** whatsapp.client.ts owns Graph's error-code table and passes it in, so imports stay one-way (no cycle). */
export type ClassifyGraphError = (httpStatus: number, code: number | null) => SendErrorKind;

type MediaInfo = { url?: unknown; mime_type?: unknown; file_size?: unknown; sha256?: unknown; error?: { code?: unknown; message?: unknown } };

const TIMEOUT_MS = 30_000;

function failure(classify: ClassifyGraphError, status: number, code: number | null, message: string): MediaDownloadError {
  // A rate limit is worth waiting for like any transient error; the job's backoff does the waiting.
  const kind = classify(status, code) === 'permanent' ? 'permanent' : 'retry';
  return new MediaDownloadError(kind, String(code ?? status), message);
}

async function get(url: string, token: string): Promise<Response> {
  try {
    return await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new MediaDownloadError('retry', 'network', `WhatsApp media unreachable: ${(err as Error).message}`);
  }
}

/**
 * The access token is sent to the host Meta names, so only accept a URL on https — or on plain
 * http when the Graph base itself is plain http (the local fake in tests and development).
 */
function checkedUrl(raw: unknown, allowHttp: boolean): string {
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    throw new MediaDownloadError('retry', 'bad_media_url', 'WhatsApp returned no usable media URL');
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    throw new MediaDownloadError('permanent', 'bad_media_url', `Refusing a media URL on ${url.protocol}`);
  }
  return url.toString();
}

export function createWhatsAppMediaDownload(config: Pick<Config, 'WHATSAPP_GRAPH_BASE_URL' | 'WHATSAPP_GRAPH_VERSION'>, classify: ClassifyGraphError) {
  const base = config.WHATSAPP_GRAPH_BASE_URL.replace(/\/$/, '');
  const allowHttp = base.startsWith('http:');
  return async function downloadMedia(channel: ChannelRecord, providerMediaId: string): Promise<MediaSource> {
    const token = channel.secrets.accessToken ?? '';
    const query = new URLSearchParams({ phone_number_id: channel.config.phoneNumberId ?? '' });
    const res = await get(`${base}/${config.WHATSAPP_GRAPH_VERSION}/${encodeURIComponent(providerMediaId)}?${query}`, token);
    const info = (await res.json().catch(() => ({}))) as MediaInfo;
    if (!res.ok) {
      const code = typeof info.error?.code === 'number' ? info.error.code : null;
      throw failure(classify, res.status, code, typeof info.error?.message === 'string' ? info.error.message : `HTTP ${res.status}`);
    }
    const url = checkedUrl(info.url, allowHttp);
    // Meta sends file_size as a string.
    const size = Number(info.file_size);
    return {
      mimeType: typeof info.mime_type === 'string' && info.mime_type ? info.mime_type : 'application/octet-stream',
      size: Number.isFinite(size) && size >= 0 ? size : null,
      sha256: typeof info.sha256 === 'string' && /^[0-9a-f]{64}$/i.test(info.sha256) ? info.sha256.toLowerCase() : null,
      async open() {
        const bytes = await get(url, token);
        if (!bytes.ok || !bytes.body) {
          await bytes.body?.cancel().catch(() => {});
          throw failure(classify, bytes.status, null, `Media download answered HTTP ${bytes.status}`);
        }
        return bytes.body;
      },
    };
  };
}
