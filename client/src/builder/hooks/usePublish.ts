// Publishing: first make sure the server has the draft on screen (flush autosave), then freeze it
// as a version guarded by that revision, so what gets published is exactly what was reviewed.
import type { Problem } from '@zyntra/flows-schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { flowsApi, type FlowVersion } from '../../flows-list/flows-api';
import { notifyError, notifyFailure, notifySuccess } from '../../flows-list/notify';
import { notifyPublished } from '../publish/published-notice';
import type { FlowStore } from '../store/create-flow-store';
import type { Autosave } from './useAutosave';

export function usePublish(store: FlowStore, flowId: string, autosave: Autosave, onPublished: (v: FlowVersion) => void) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [publishing, setPublishing] = useState(false);

  const publish = async () => {
    setPublishing(true);
    try {
      if (!(await autosave.flush())) {
        if (!autosave.conflict) notifyFailure(t('builder.publish.notSaved'));
        return;
      }
      const { version, unchanged } = await flowsApi.publish(flowId, autosave.revision());
      onPublished(version);
      if (unchanged) notifySuccess(t('builder.publish.unchanged', { version: version.version }));
      else void notifyPublished(t, version.version, () => navigate('/settings?tab=channels'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'flow_invalid') {
        // The server validates with the same rules; show its list in case it saw something new.
        store.getState().setProblems((err.details.problems as Problem[] | undefined) ?? store.getState().problems);
        store.getState().setDrawer('problems');
        notifyFailure(t('builder.publish.invalid'));
      } else if (err instanceof ApiError && err.status === 409) {
        notifyFailure(t('builder.publish.stale'));
      } else {
        notifyError(t, err);
      }
    } finally {
      setPublishing(false);
    }
  };
  return { publish, publishing };
}
