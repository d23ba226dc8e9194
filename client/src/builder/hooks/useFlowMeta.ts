// The flow's name and publish status for the toolbar: page state, not document state, so it is
// neither undoable nor autosaved with the draft.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flowsApi, type FlowDetail, type FlowVersion } from '../../flows-list/flows-api';
import { notifyError } from '../../flows-list/notify';
import type { FlowMeta } from '../toolbar/BuilderToolbar';

export function useFlowMeta(flow: FlowDetail) {
  const { t } = useTranslation();
  const [meta, setMeta] = useState<FlowMeta>({ name: flow.name, status: flow.status, publishedVersion: flow.publishedVersion });
  /** Bumped on each publish so an open version list refreshes. */
  const [versionsKey, setVersionsKey] = useState(0);

  const onSaved = useCallback((f: FlowDetail) => setMeta((m) => ({ ...m, name: f.name })), []);
  const onPublished = useCallback((v: FlowVersion) => {
    setMeta((m) => ({ ...m, status: 'published', publishedVersion: v.version }));
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
