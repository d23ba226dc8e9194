// Reads one uploaded file from a request: multipart/form-data (field `file`, what browsers send)
// or a raw body with its content-type and an x-file-name header (what scripts find easiest).
// Stops reading at `maxBytes`. Pure plumbing: the rules about what may be kept are in media.policy.ts.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { AppError } from '../http/app-error';

export type UploadedFile = { bytes: Buffer; mimeType: string; fileName: string };

const tooLarge = (max: number) => new AppError('payload_too_large', `The file is larger than ${max / 1024 / 1024} MiB`);
const badForm = (why: string) => new AppError('validation_failed', `The upload is not valid: ${why}`);

/** A plain file name: no folders, no control characters, at most 200 characters. */
export function cleanFileName(raw: string | undefined): string {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it as sent
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = name.split(/[/\\]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned || 'file';
}

function readRaw(req: IncomingMessage, max: number): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge(max));
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      const header = req.headers['x-file-name'];
      resolve({ bytes: Buffer.concat(chunks), mimeType: req.headers['content-type'] ?? '', fileName: cleanFileName(Array.isArray(header) ? header[0] : header) });
    });
    req.on('error', reject);
    req.on('close', () => !req.complete && reject(badForm('the upload was interrupted')));
  });
}

function readMultipart(req: IncomingMessage, max: number): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // Browsers send the file name as raw UTF-8 bytes; busboy reads them as Latin-1 unless told ("ção" became "Ã§Ã£o").
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: max, fields: 10, parts: 20 } });
    } catch (err) {
      return reject(badForm((err as Error).message));
    }
    let file: UploadedFile | null = null;
    let failure: AppError | null = null;
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') return stream.on('error', () => {}).resume();
      const chunks: Buffer[] = [];
      // A truncated form errors the file stream too: handled here (the parser's error answers 400),
      // since an unhandled stream error would take the process down.
      stream.on('error', () => {});
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => (failure = tooLarge(max)));
      stream.on('end', () => (file = { bytes: Buffer.concat(chunks), mimeType: info.mimeType, fileName: cleanFileName(info.filename) }));
    });
    parser.on('error', (err: Error) => reject(badForm(err.message)));
    parser.on('close', () => {
      if (failure) return reject(failure);
      if (!file) return reject(badForm('no field named "file"'));
      resolve(file);
    });
    req.on('error', reject);
    req.on('close', () => !req.complete && reject(badForm('the upload was interrupted')));
    req.pipe(parser);
  });
}

export async function readUpload(req: IncomingMessage, maxBytes: number): Promise<UploadedFile> {
  const declared = Number(req.headers['content-length']);
  // Multipart adds a few hundred bytes of framing around the file.
  if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) {
    req.resume(); // read and drop the body, so the client gets the 413 instead of a reset connection
    throw tooLarge(maxBytes);
  }
  const type = req.headers['content-type'] ?? '';
  // A JSON body was already read by the app's JSON parser: waiting for the stream would never end.
  if (req.readableEnded) throw badForm('send the file as multipart/form-data or a raw body, not JSON');
  const file = type.toLowerCase().startsWith('multipart/form-data') ? await readMultipart(req, maxBytes) : await readRaw(req, maxBytes);
  if (file.bytes.length === 0) throw badForm('the file is empty');
  return file;
}
