// Inbound media from an Evolution server. Baileys' own `url` in the webhook points at encrypted
// WhatsApp CDN bytes, so the file is asked of Evolution by the message's key id:
// POST {baseUrl}/chat/getBase64FromMediaMessage/{instance} with {"message":{"key":{"id"}}} finds the
// message in Evolution's database, decrypts it and answers 201 with
// {mediaType, fileName, caption, size: {fileLength, height, width}, mimetype, base64}.
// Every failure of Evolution's own (message not stored, not a media message, the WhatsApp download
// failed) is a 400 with {status, error, response: {message: [reason]}}.
import { OutboundError, type Outbound, type OutboundResponse } from '../../net';
import { MediaDownloadError, type MediaSource } from '../media-source';
import type { ChannelRecord } from '../channel-types';

/** The inbound media ceiling (media.policy's 16 MiB), repeated so channels stay below the media module. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** The file as base64 (4 characters per 3 bytes) plus room for the rest of the record (name, caption). */
const MAX_ANSWER_BYTES = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 256 * 1024;
/** Evolution downloads and decrypts the file from WhatsApp before answering, and retries once after 5 s. */
const TIMEOUT_MS = 60_000;

type Answer = { mimetype?: unknown; base64?: unknown };
type Envelope = { response?: { message?: unknown } };

/** Evolution's reason words, read only to choose our own: its text is never passed on. */
const saysNotFound = (body: unknown) => JSON.stringify((body as Envelope | undefined)?.response?.message ?? '').includes('Message not found');

/** What an HTTP answer other than 2xx means for the download; transient ones are retried by the media queue. */
export function classifyEvolutionMediaError(httpStatus: number, body: unknown): MediaDownloadError {
  const status = `HTTP ${httpStatus}`;
  if (httpStatus === 408 || httpStatus === 429 || httpStatus >= 500) {
    return new MediaDownloadError('retry', `http_${httpStatus}`, `Evolution API failed to give the media (${status})`);
  }
  if (httpStatus === 401 || httpStatus === 403) {
    return new MediaDownloadError('permanent', 'unauthorized', `Evolution API refused the channel's API key (${status})`);
  }
  if (httpStatus === 404) return new MediaDownloadError('permanent', 'not_found', `Evolution API instance or route not found (${status})`);
  if (httpStatus === 400 && saysNotFound(body)) {
    return new MediaDownloadError('permanent', 'message_not_found', `Evolution API does not have this message (${status}); its database must keep new messages (DATABASE_SAVE_DATA_NEW_MESSAGE)`);
  }
  return new MediaDownloadError('permanent', `http_${httpStatus}`, `Evolution API could not download the media from WhatsApp (${status})`);
}

function outboundFailure(err: unknown): MediaDownloadError {
  if (!(err instanceof OutboundError)) return new MediaDownloadError('retry', 'network', 'Evolution API call failed');
  if (err.kind === 'too_large') {
    return new MediaDownloadError('permanent', 'too_large', `Media is too large: more than ${MAX_FILE_BYTES} bytes, over the ${MAX_FILE_BYTES / 1024 / 1024} MiB limit`);
  }
  const retry = err.kind === 'network' || err.kind === 'timeout';
  return new MediaDownloadError(retry ? 'retry' : 'permanent', err.kind, `Evolution API: ${err.message}`);
}

/** The bytes of a 2xx answer, or a permanent failure: Evolution answering the same way again would not help. */
function bytesOf(res: OutboundResponse): { bytes: Buffer; mimeType: string } {
  const answer = (res.json() ?? {}) as Answer;
  const base64 = typeof answer.base64 === 'string' ? answer.base64.replace(/^data:[^,]*,/, '') : '';
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.byteLength === 0) throw new MediaDownloadError('permanent', 'bad_response', `Evolution API answered ${res.status} without the file (base64)`);
  const mimeType = typeof answer.mimetype === 'string' && answer.mimetype ? answer.mimetype : 'application/octet-stream';
  return { bytes, mimeType };
}

export function createEvolutionMediaDownload(outbound: Outbound) {
  return async function downloadMedia(channel: ChannelRecord, keyId: string): Promise<MediaSource> {
    let res: OutboundResponse;
    try {
      res = await outbound({
        method: 'POST',
        url: `${channel.config.baseUrl.replace(/\/+$/, '')}/chat/getBase64FromMediaMessage/${encodeURIComponent(channel.config.instance)}`,
        headers: { apikey: channel.secrets.apiKey ?? '', 'content-type': 'application/json' },
        // convertToMp4 off: voice notes are kept as WhatsApp sent them (ogg/opus), which browsers play.
        body: JSON.stringify({ message: { key: { id: keyId } }, convertToMp4: false }),
        timeoutMs: TIMEOUT_MS,
        maxResponseBytes: MAX_ANSWER_BYTES,
      });
    } catch (err) {
      throw outboundFailure(err);
    }
    if (!res.ok) throw classifyEvolutionMediaError(res.status, res.json());
    const { bytes, mimeType } = bytesOf(res);
    return {
      mimeType,
      size: bytes.byteLength,
      sha256: null,
      open: async () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(bytes);
            controller.close();
          },
        }),
    };
  };
}
