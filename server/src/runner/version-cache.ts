// Published flow versions are immutable: load each once per process and keep it while it is used.
// A workspace decides how large its documents are, so the cache is bounded by their size (their
// JSON length), not only by how many versions it holds; the least recently used go first.
import type { FlowDocument } from '@zyntra/flows-schema';
import { LRUCache } from 'lru-cache';
import type { TenantDb } from '../db/tenant-db';
import type { FlowVersionRef } from '../engine/interpret';
import { loadVersionDocument } from './conversation.queries';

export type VersionCache = {
  get(tx: TenantDb, versionId: string): Promise<FlowVersionRef | null>;
  /** The refs of already-known published version ids (loaded on a cache miss). */
  resolve(tx: TenantDb, ids: Array<{ version_id: string }>): Promise<FlowVersionRef[]>;
  /** JSON bytes of the documents held. */
  readonly bytes: number;
};

export type VersionCacheOptions = { maxBytes?: number; maxVersions?: number };

export function createVersionCache(opts: VersionCacheOptions = {}): VersionCache {
  const maxSize = opts.maxBytes ?? 64 * 1024 * 1024;
  const versions = new LRUCache<string, FlowVersionRef>({ max: opts.maxVersions ?? 2_000, maxSize });
  const get = async (tx: TenantDb, versionId: string) => {
    const hit = versions.get(versionId);
    if (hit) return hit;
    const row = await loadVersionDocument(tx, versionId);
    if (!row) return null;
    const ref: FlowVersionRef = { flowId: row.flow_id, versionId, document: row.document as FlowDocument };
    const size = Math.max(1, JSON.stringify(row.document).length);
    // A document larger than the whole budget is served from this load and simply not kept.
    if (size <= maxSize) versions.set(versionId, ref, { size });
    return ref;
  };
  // Sequential on purpose: a transaction's connection runs one query at a time anyway.
  const resolve = async (tx: TenantDb, ids: Array<{ version_id: string }>) => {
    const refs: FlowVersionRef[] = [];
    for (const r of ids) {
      const ref = await get(tx, r.version_id);
      if (ref) refs.push(ref);
    }
    return refs;
  };
  return {
    get,
    resolve,
    get bytes() {
      return versions.calculatedSize;
    },
  };
}
