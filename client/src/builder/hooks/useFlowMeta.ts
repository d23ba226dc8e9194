// The flow's name and publish state for the toolbar: page state, not document state, so it is
// neither undoable nor autosaved with the draft. Each save answers whether the draft still equals
// the live version, so the chip stays honest after an edit (and after undoing it).
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flowsApi, type FlowDetail, type FlowVersion } from '../../flows-list/flows-api';
import { notifyError } from '../../flows-list/notify';

export interface FlowMeta {
  name: string;
  status: FlowDetail['status'];
  publishedVersion: number | null;
  publishedVersionId: string | null;
  hasUnpublishedChanges: boolean;
}

const metaOf = (f: FlowDetail): FlowMeta => ({
  name: f.name,
  status: f.status,
  publishedVersion: f.publishedVersion,
  publishedVersionId: f.publishedVersionId,
  hasUnpublishedChanges: f.hasUnpublishedChanges,
});

export function useFlowMeta(flow: FlowDetail) {
  const { t } = useTranslation();
  const [meta, setMeta] = useState<FlowMeta>(() => metaOf(flow));
  /** Bumped on each publish so an open version list refreshes. */
  const [versionsKey, setVersionsKey] = useState(0);

  const onSaved = useCallback((f: FlowDetail) => setMeta(metaOf(f)), []);
  const onPublished = useCallback((v: FlowVersion) => {
    setMeta((m) => ({ ...m, status: 'published', publishedVersion: v.version, publishedVersionId: v.id, hasUnpublishedChanges: false }));
    setVersionsKey((k) => k + 1);
  }, []);
  const rename = async (name: string) => {
    try {
      const saved = await flowsApi.rename(flow.id, name);
      setMeta((m) => ({ ...m, name: saved.name }));
    } catch (err) {
      notifyError(t, err);
    }
  };
  return { meta, versionsKey, onSaved, onPublished, rename };
}
