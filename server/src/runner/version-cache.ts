// Published flow versions are immutable: load each once per process and keep it.
import type { FlowDocument } from '@zyntra/flows-schema';
import type { TenantDb } from '../db/tenant-db';
import type { FlowVersionRef } from '../engine/interpret';
import { loadVersionDocument } from './conversation.queries';

export type VersionCache = {
  get(tx: TenantDb, versionId: string): Promise<FlowVersionRef | null>;
  /** The refs of already-known published version ids (loaded on a cache miss). */
  resolve(tx: TenantDb, ids: Array<{ version_id: string }>): Promise<FlowVersionRef[]>;
};

export function createVersionCache(max = 2_000): VersionCache {
  const versions = new Map<string, FlowVersionRef>();
  const get = async (tx: TenantDb, versionId: string) => {
    const hit = versions.get(versionId);
    if (hit) return hit;
    const row = await loadVersionDocument(tx, versionId);
    if (!row) return null;
    const ref: FlowVersionRef = { flowId: row.flow_id, versionId, document: row.document as FlowDocument };
    if (versions.size >= max) versions.delete(versions.keys().next().value!);
    versions.set(versionId, ref);
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
  };
}
