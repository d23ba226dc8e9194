import { Alert, Button, FileButton, Group, Modal, Progress, ScrollArea, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuthStore } from '../auth/auth-store';
import { isAdmin } from '../auth/roles';
import { readCsvFile } from '../shared/read-csv-file';
import { importRefusal, type Refusal } from './import-refusal';
import { contactsApi, type AttributeColumn, type ContactImport } from './contacts-api';

type Props = { opened: boolean; onClose(): void; onDone(): void };

/** "2 created · 1 rejected": each count worded for its number; a count of none is left out. */
function importSummary(t: TFunction, job: Pick<ContactImport, 'created' | 'updated' | 'rejected' | 'merged'>): string {
  const parts = [
    job.created > 0 && t('contacts.importCreated', { count: job.created }),
    job.updated > 0 && t('contacts.importUpdated', { count: job.updated }),
    job.merged > 0 && t('contacts.importMerged', { count: job.merged }),
    job.rejected > 0 && t('contacts.importRejected', { count: job.rejected }),
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('contacts.importNothing');
}

/** CSV import: choose or paste a file, watch the progress, read the report (created, updated, rejected lines). */
export function ImportModal({ opened, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [job, setJob] = useState<ContactImport | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [renamed, setRenamed] = useState<AttributeColumn[]>([]);
  // Kept as the words' key, not the words: they follow a language switch while the modal is open.
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const error = refusal && t(refusal.key, refusal.values);
  // Refused for want of a WhatsApp number: an owner or admin gets the way to connect one.
  const needsChannel = refusal?.key === 'contacts.importRefused.no_channel';
  const admin = isAdmin(useAuthStore((s) => s.role));

  useEffect(() => {
    if (!importId) return;
    let stop = false;
    const tick = async () => {
      try {
        const next = await contactsApi.getImport(importId);
        if (stop) return;
        setJob(next);
        if (next.status === 'completed' || next.status === 'failed') { onDone(); return; }
      } catch { /* try again on the next tick */ }
      if (!stop) setTimeout(() => void tick(), 500);
    };
    void tick();
    return () => { stop = true; };
  }, [importId]); // eslint-disable-line react-hooks/exhaustive-deps

  const close = () => { setCsv(''); setJob(null); setImportId(null); setRenamed([]); setRefusal(null); onClose(); };
  const start = async () => {
    setRefusal(null);
    try {
      const started = await contactsApi.startImport(csv);
      // A column whose header can't be a name as written ("Data de nascimento") fills another: say which.
      setRenamed(started.attributeColumns.filter((c) => c.column !== c.attribute));
      setImportId(started.id);
    } catch (err) {
      setRefusal(importRefusal(err));
    }
  };
  const choose = async (file: File) => {
    const text = await readCsvFile(file);
    if (text === null) return setRefusal({ key: 'contacts.notCsv', values: { name: file.name } });
    setRefusal(null);
    setCsv(text);
  };
  const percent = job && job.total > 0 ? Math.round((job.processed / job.total) * 100) : job?.status === 'completed' ? 100 : 0;

  return (
    <Modal opened={opened} onClose={close} title={t('contacts.importTitle')} size="lg">
      {!importId ? (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{t('contacts.importHelp')}</Text>
          <FileButton accept=".csv,.txt,text/csv,text/plain" onChange={(f) => void (f && choose(f))}>
            {(props) => <Button {...props} variant="default" leftSection={<IconFileSpreadsheet size={18} />} data-testid="import-file">{t('contacts.chooseFile')}</Button>}
          </FileButton>
          <Textarea autosize minRows={5} maxRows={12} value={csv} onChange={(e) => setCsv(e.currentTarget.value)} placeholder={t('contacts.importPlaceholder')} ff="monospace" data-testid="import-text" />
          {error && (
            <Alert color="red" data-testid="import-error">
              <Stack gap="sm" align="flex-start">
                <Text size="sm">{error}</Text>
                {needsChannel && admin && <Button component={Link} to="/settings?tab=channels" size="xs" data-testid="import-add-channel">{t('templates.addChannel')}</Button>}
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end"><Button disabled={!csv.trim()} onClick={() => void start()} data-testid="import-start">{t('contacts.importStart')}</Button></Group>
        </Stack>
      ) : (
        <Stack gap="sm" data-testid="import-progress">
          <Progress value={percent} animated={job?.status !== 'completed'} size="lg" data-testid="import-bar" />
          <Text size="sm" data-testid="import-status" data-status={job?.status ?? 'queued'}>
            {t(`contacts.importStatus.${job?.status ?? 'queued'}`, { processed: job?.processed ?? 0, total: job?.total ?? 0, count: job?.processed ?? 0 })}
          </Text>
          {job?.status === 'completed' && (
            <Text size="sm" fw={500} data-testid="import-summary">{importSummary(t, job)}</Text>
          )}
          {renamed.length > 0 && (
            <Alert color="blue" title={t('contacts.importRenamedTitle')} data-testid="import-renamed">
              {renamed.map((c) => <Text key={c.column} size="sm">{t('contacts.importRenamed', { column: c.column, attribute: c.attribute })}</Text>)}
            </Alert>
          )}
          {job?.failure && <Alert color="red" data-testid="import-failure">{t('contacts.importFailedHelp')}</Alert>}
          {job && job.errors.length > 0 && (
            <ScrollArea.Autosize mah={220}>
              <Table data-testid="import-errors" striped>
                <Table.Thead><Table.Tr><Table.Th w={80}>{t('contacts.line')}</Table.Th><Table.Th>{t('contacts.problem')}</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>{job.errors.map((e) => <Table.Tr key={e.line}><Table.Td>{e.line}</Table.Td><Table.Td>{t(`contacts.importError.${e.code}`, { value: e.value, defaultValue: t('contacts.importError.other') })}</Table.Td></Table.Tr>)}</Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          )}
          <Group justify="flex-end"><Button variant="default" onClick={close} data-testid="import-close">{t('contacts.close')}</Button></Group>
        </Stack>
      )}
    </Modal>
  );
}
