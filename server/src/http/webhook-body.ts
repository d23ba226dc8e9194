// Reading a provider webhook's body with caps. Most providers get their bytes exactly as sent (the
// Cloud API signs them) up to MAX_BODY. A provider that embeds whole files in its JSON (Evolution's
// "Webhook Base64") may instead have every long JSON string dropped while the body streams in: what
// is kept stays under MAX_BODY whatever the file's size, and JSON.parse never sees the file.
import type { IncomingMessage } from 'node:http';

/** What a provider webhook may send us once the file contents inside it are set aside. */
export const MAX_BODY = 1024 * 1024;

/**
 * `maxWireBytes`: the most the sender may upload; `longStringsOver`: a JSON string value whose
 * encoded length is over this is kept as "" (file contents, never a person's words).
 */
export type ElidedBody = { maxWireBytes: number; longStringsOver: number };

export type BodyRead = { raw: Buffer } | { over: string };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const mib = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;

/**
 * Streams JSON bytes through, keeping them as they are except the contents of strings longer than
 * `limit` bytes, which become "". It follows only string boundaries and escapes, so its cost is a
 * native byte search per chunk (never a parse), and it needs no validation: JSON.parse still judges
 * what is kept. Bytes of a string are held until it ends or passes the limit.
 */
export class LongStringElider {
  private kept: Buffer[] = [];
  private keptBytes = 0;
  private inString = false;
  private escaped = false;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private elided = false;

  constructor(private readonly limit: number) {}

  /** Bytes kept so far (strings still open included), for the caller's cap. */
  get size(): number {
    return this.keptBytes + (this.elided ? 0 : this.pendingBytes);
  }

  push(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (!this.inString) {
        const quote = chunk.indexOf(QUOTE, i);
        const end = quote < 0 ? chunk.length : quote + 1;
        this.keep(chunk.subarray(i, end));
        if (quote >= 0) this.open();
        i = end;
      } else if (this.escaped) {
        this.content(chunk.subarray(i, i + 1));
        this.escaped = false;
        i += 1;
      } else {
        i = this.scanString(chunk, i);
      }
    }
  }

  /** The kept bytes; a string still open at the end is kept as it came (JSON.parse will refuse it). */
  result(): Buffer {
    if (this.inString && !this.elided) this.kept.push(...this.pending);
    return Buffer.concat(this.kept);
  }

  /** Up to the next quote or backslash inside a string; returns where to go on. */
  private scanString(chunk: Buffer, from: number): number {
    const quote = chunk.indexOf(QUOTE, from);
    const slash = chunk.indexOf(BACKSLASH, from);
    const stop = quote < 0 ? slash : slash < 0 ? quote : Math.min(quote, slash);
    if (stop < 0) {
      this.content(chunk.subarray(from));
      return chunk.length;
    }
    if (chunk[stop] === BACKSLASH) {
      this.content(chunk.subarray(from, stop + 1));
      this.escaped = true;
      return stop + 1;
    }
    this.content(chunk.subarray(from, stop));
    this.close();
    return stop + 1;
  }

  // Kept bytes are copied: a slice would pin its whole 64 KiB chunk, file contents included.
  private keep(bytes: Buffer) {
    if (bytes.length === 0) return;
    this.kept.push(Buffer.from(bytes));
    this.keptBytes += bytes.length;
  }

  private open() {
    this.inString = true;
    this.elided = false;
    this.pending = [];
    this.pendingBytes = 0;
  }

  private content(bytes: Buffer) {
    if (this.elided) return;
    this.pending.push(Buffer.from(bytes));
    this.pendingBytes += bytes.length;
    if (this.pendingBytes > this.limit) {
      this.elided = true;
      this.pending = [];
      this.pendingBytes = 0;
    }
  }

  private close() {
    if (!this.elided) {
      this.kept.push(...this.pending);
      this.keptBytes += this.pendingBytes;
    }
    this.keep(Buffer.from('"'));
    this.inString = false;
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/**
 * Collects the body through `take` (which returns how much it holds), stopping as soon as the held
 * or the uploaded bytes pass their caps; the rest is left unread (see the server's tooLarge).
 */
function collect(req: IncomingMessage, maxWire: number, take: (chunk: Buffer) => number, done: () => Buffer, tooMuch: (held: number) => string): Promise<BodyRead> {
  if (Number(req.headers['content-length']) > maxWire) return Promise.resolve({ over: `Body over ${mib(maxWire)}` });
  return new Promise((resolve, reject) => {
    let wire = 0;
    const onData = (chunk: Buffer) => {
      wire += chunk.length;
      const held = take(chunk);
      if (wire <= maxWire && held <= MAX_BODY) return;
      req.off('data', onData);
      resolve({ over: wire > maxWire ? `Body over ${mib(maxWire)}` : tooMuch(held) });
    };
    req.on('data', onData);
    req.on('end', () => resolve({ raw: done() }));
    req.on('error', reject);
  });
}

/** The body exactly as sent, up to MAX_BODY. */
export function readBody(req: IncomingMessage): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  const take = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
    return size;
  };
  return collect(req, MAX_BODY, take, () => Buffer.concat(chunks), () => `Body over ${mib(MAX_BODY)}`);
}

/** The body with its long strings dropped: up to `maxWireBytes` uploaded, MAX_BODY kept. */
export function readElidedBody(req: IncomingMessage, limits: ElidedBody): Promise<BodyRead> {
  const elider = new LongStringElider(limits.longStringsOver);
  const take = (chunk: Buffer) => (elider.push(chunk), elider.size);
  return collect(req, limits.maxWireBytes, take, () => elider.result(), () => `Body over ${mib(MAX_BODY)} besides file contents`);
}
