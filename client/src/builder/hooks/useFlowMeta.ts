// The flow's name and publish state for the toolbar: page state, not document state, so it is
// neither undoable nor autosaved with the draft. Each save answers whether the draft still equals
// the live version, so the chip stays honest after an edit (and after undoing it), and a publish
// made elsewhere is read in (useLivePublishes).
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

  const onSaved = useCallback((f: FlowDetail) => setMeta(metaOf(f)), []);
  const onPublished = useCallback((v: FlowVersion) => {
    setMeta((m) => ({ ...m, status: 'published', publishedVersion: v.version, publishedVersionId: v.id, hasUnpublishedChanges: false }));
  }, []);
  const rename = async (name: string) => {
    try {
      const saved = await flowsApi.rename(flow.id, name);
      setMeta((m) => ({ ...m, name: saved.name }));
    } catch (err) {
      notifyError(t, err);
    }
  };
  /** `updateMeta`: for a publish made elsewhere (useLivePublishes). */
  return { meta, updateMeta: setMeta, onSaved, onPublished, rename };
}
