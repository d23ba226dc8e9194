// What the list's buttons do: import a file, and the per-row menu (rename opens the name modal;
// delete asks first). Failures become toasts in the UI language.
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { slugify, type Problem } from '@zyntra/flows-schema';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors';
import { downloadJson, nameFromFile, readJsonFile } from './file-transfer';
import { flowsApi, type FlowSummary } from './flows-api';
import type { RowActions } from './FlowsTable';
import { notifyError, notifyFailure, notifySuccess } from './notify';
import { testId } from './test-id';
import type { useFlowsList } from './use-flows-list';

type ListActions = ReturnType<typeof useFlowsList>['actions'];

export function useImportFlow(actions: ListActions) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'pt-BR' ? 'pt-BR' : 'en';
  return async (file: File | null) => {
    if (!file) return;
    let document: unknown;
    try {
      document = await readJsonFile(file);
    } catch {
      notifyFailure(t('flows.importNotJson'));
      return;
    }
    try {
      const created = await actions.importFlow(nameFromFile(file.name), document);
      notifySuccess(t('flows.imported', { name: created.name }));
    } catch (err) {
      // The server says why the file is not a valid flow; show the first reason.
      const problems = err instanceof ApiError ? (err.details.problems as Problem[] | undefined) : undefined;
      if (problems?.length) notifyFailure(t('flows.importInvalid', { problem: problems[0]!.message[locale] }));
      else notifyError(t, err);
    }
  };
}

export function useRowActions(actions: ListActions, onRename: (flow: FlowSummary) => void): RowActions {
  const { t } = useTranslation();
  const fail = (err: unknown) => notifyError(t, err);
  return {
    onRename,
    onDuplicate: (flow) => void actions.duplicate(flow).then((copy) => notifySuccess(t('flows.duplicated', { name: copy.name })), fail),
    onExport: (flow) =>
      void flowsApi.exportDocument(flow.id).then((doc) => downloadJson(`${slugify(flow.name)}.zyntra.json`, doc), fail),
    onDelete: (flow) =>
      modals.openConfirmModal({
        title: t('flows.deleteTitle'),
        children: <Text size="sm">{t('flows.deleteBody', { name: flow.name })}</Text>,
        labels: { confirm: t('flows.actions.delete'), cancel: t('flows.cancel') },
        confirmProps: { color: 'red', ...testId('confirm-delete') },
        onConfirm: () => void actions.remove(flow).then(() => notifySuccess(t('flows.deleted')), fail),
      }),
  };
}
