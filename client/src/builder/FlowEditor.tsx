// The editor frame: toolbar, palette | canvas | problems, node panel, test chat, plus drawers and
// the step finder. Effects (autosave, publish, validation, shortcuts, analytics) are hooks around
// the store, never inside it.
import { useState } from 'react';
import type { FlowDetail } from '../flows-list/flows-api';
import { AnalyticsBar } from './analytics/AnalyticsBar';
import { useAnalytics, type AnalyticsPeriod } from './analytics/use-analytics';
import { Canvas } from './canvas/Canvas';
import { useEditorShortcuts } from './canvas/use-editor-shortcuts';
import { StepFinder } from './finder/StepFinder';
import { ConflictModal } from './conflict/ConflictModal';
import { SidePanels } from './dock/SidePanels';
import { usePanelColumns } from './dock/use-panel-columns';
import { FlowSettingsDrawer } from './drawers/FlowSettingsDrawer';
import { VersionsDrawer } from './drawers/VersionsDrawer';
import styles from './editor.module.css';
import { useAutosave } from './hooks/useAutosave';
import { useFlowMeta } from './hooks/useFlowMeta';
import { useLivePublishes } from './hooks/useLivePublishes';
import { usePublish } from './hooks/usePublish';
import { Palette } from './palette/Palette';
import { useTemplateProblems } from './problems/use-template-problems';
import { useAiProvider } from './problems/use-ai-provider';
import { useValidation } from './problems/use-validation';
import { useFlowStoreApi } from './store/flow-store-context';
import { BuilderToolbar } from './toolbar/BuilderToolbar';
import { useDocumentTitle } from '../shell/document-title';

export function FlowEditor({ flow }: { flow: FlowDetail }) {
  const store = useFlowStoreApi();
  const body = usePanelColumns<HTMLDivElement>();
  const [days, setDays] = useState<AnalyticsPeriod>(7);
  const { meta, updateMeta, onSaved, onPublished, rename } = useFlowMeta(flow);
  useDocumentTitle(meta.name);
  const autosave = useAutosave(store, flow.id, flow.revision, onSaved);
  const { publish, publishing } = usePublish(store, flow.id, autosave, onPublished);
  useLivePublishes(flow.id, meta.publishedVersionId, autosave.revision, updateMeta);
  useValidation(store, { hasAiProvider: useAiProvider(flow.hasAiProvider) });
  useTemplateProblems(store, flow.id);
  useEditorShortcuts(store);
  const analyticsAvailable = useAnalytics(flow.id, meta.status === 'published', days);

  return (
    <div className={styles.editor} data-testid="builder">
      <BuilderToolbar flowId={flow.id} meta={meta} onRename={rename} onPublish={() => void publish()} publishing={publishing} analyticsAvailable={analyticsAvailable} />
      <div ref={body.ref} className={styles.body}>
        <Palette />
        <div className={styles.canvas}>
          <Canvas />
          <AnalyticsBar days={days} onDays={setDays} />
        </div>
        <SidePanels columns={body.columns} flowId={flow.id} saveDraft={autosave.flush} />
      </div>
      <FlowSettingsDrawer />
      <VersionsDrawer flowId={flow.id} publishedVersion={meta.publishedVersion} refreshKey={meta.publishedVersionId} autosave={autosave} />
      <ConflictModal autosave={autosave} />
      <StepFinder />
    </div>
  );
}
