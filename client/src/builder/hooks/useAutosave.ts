// Wires the autosaver to the editor's lifetime: store subscription, the browser's "leave page?"
// prompt while a change is unsaved, and the conflict flag the modal reads.
import { useEffect, useRef, useState } from 'react';
import { flowsApi, type FlowDetail } from '../../flows-list/flows-api';
import type { FlowStore } from '../store/create-flow-store';
import { createAutosaver, type Autosaver } from './autosaver';

export interface Autosave extends Pick<Autosaver, 'flush' | 'revision' | 'overwrite' | 'adopt'> {
  conflict: boolean;
  reload(): Promise<void>;
}

export function useAutosave(store: FlowStore, flowId: string, initialRevision: number, onSaved: (flow: FlowDetail) => void): Autosave {
  const [conflict, setConflict] = useState(false);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const [saver] = useState(() =>
    createAutosaver(
      {
        store,
        save: (document, baseRevision) => flowsApi.save(flowId, document, baseRevision),
        onSaved: (flow) => onSavedRef.current(flow),
        onConflict: setConflict,
      },
      initialRevision,
    ),
  );

  useEffect(() => {
    const unsubscribe = store.subscribe(saver.onChange);
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (saver.busy()) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      unsubscribe();
      window.removeEventListener('beforeunload', beforeUnload);
      saver.dispose();
    };
  }, [store, saver]);

  return {
    conflict,
    flush: saver.flush,
    revision: saver.revision,
    overwrite: saver.overwrite,
    adopt: saver.adopt,
    reload: async () => saver.adopt(await flowsApi.get(flowId)),
  };
}
