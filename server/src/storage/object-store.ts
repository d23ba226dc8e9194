// The one interface the rest of the server sees for object storage. Media, uploads and exports
// depend on this, not on an SDK, so a second backend (or an in-memory one) only has to pass
// object-store-conformance.ts.

export type StoredObject = { bytes: Uint8Array; contentType: string };

export interface ObjectStore {
  /** Writes (or overwrites) the object at `key`. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Reads the object; throws ObjectNotFoundError when there is none. */
  get(key: string): Promise<StoredObject>;
  /**
   * A URL anyone holding it can GET for `ttlSeconds`, without our credentials: what browsers and
   * providers (WhatsApp `link`) fetch, so the bytes never pass through our API. Anything but images,
   * audio and video is served as an attachment (see disposition.ts): by the type stored with the
   * object, and also by `contentType` when the caller knows it (objects stored before that rule).
   * `filename`: the name a browser saves it under (a key ends in a random id).
   */
  signedUrl(key: string, ttlSeconds: number, opts?: { contentType?: string; filename?: string | null }): Promise<string>;
  /** Removes the object; removing a missing object is not an error, so cleanups can be retried. */
  delete(key: string): Promise<void>;
}

/** A typed "no such object", so callers can tell a missing key from an unreachable store. */
export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object at ${key}`);
    this.name = 'ObjectNotFoundError';
  }
}
