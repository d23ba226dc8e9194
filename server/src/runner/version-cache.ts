// Published flow versions are immutable: load each once per process and keep it.
import type { FlowDocument } from '@zyntra/flows-schema';
import type { TenantDb } from '../db/tenant-db';
import type { FlowVersionRef } from '../engine/interpret';
import { loadVersionDocument, publishedVersionIds } from './conversation.queries';

export type VersionCache = {
  get(tx: TenantDb, versionId: string): Promise<FlowVersionRef | null>;
  published(tx: TenantDb): Promise<FlowVersionRef[]>;
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
  return {
    get,
    // Which versions are published changes on publish; one small query per new conversation keeps
    // a publish visible at once, in every worker process.
    async published(tx) {
      const ids = await publishedVersionIds(tx);
      const refs = await Promise.all(ids.map((r) => get(tx, r.version_id)));
      return refs.filter((r): r is FlowVersionRef => r !== null);
    },
  };
}
