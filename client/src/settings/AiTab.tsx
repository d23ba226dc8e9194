import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import { typedUrlProblem } from './typed-url';

type AiSettings = {
  source: 'workspace' | 'server' | 'none';
  baseUrl: string | null;
  model: string;
  hasApiKey: boolean;
};

const SOURCE_COLOR: Record<AiSettings['source'], string> = { workspace: 'teal', server: 'blue', none: 'gray' };

type UrlProblem = 'settings.ai.urlIncomplete' | 'settings.ai.urlPrivate' | 'settings.ai.urlReserved';

/**
 * The server refused the address, said at the field rather than as a failed save: not a URL it can
 * call, or a host on a private network its operator has not opened (OUTBOUND_ALLOW_HOSTS).
 */
function refusedUrl(err: unknown): UrlProblem | null {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed') return null;
  const issues = Array.isArray(err.details.issues) ? (err.details.issues as Array<{ path?: unknown }>) : [];
  if (err.details.field !== 'baseUrl' && !issues.some((i) => String(i.path).startsWith('baseUrl'))) return null;
  if (err.details.reason === 'blocked_address') return err.details.range === 'metadata' ? 'settings.ai.urlReserved' : 'settings.ai.urlPrivate';
  return 'settings.ai.urlIncomplete';
}

/**
 * The workspace's own OpenAI-compatible provider for "AI reply" steps (OpenAI, Ollama, vLLM…).
 * The key is write-only: the server never sends it back, so the field stays empty unless replaced.
 */
export function AiTab() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<AiSettings | null>(null);
  const [form, setForm] = useState({ baseUrl: '', model: '', apiKey: '' });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [urlError, setUrlError] = useState<UrlProblem | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    api.get<AiSettings>('/v1/settings/ai', { signal: ctrl.signal }).then(
      (s) => {
        setSettings(s);
        setForm({
          baseUrl: s.source === 'workspace' ? (s.baseUrl ?? '') : '',
          model: s.source === 'workspace' ? s.model : '',
          apiKey: '',
        });
      },
      () => setError(t('settings.ai.loadError')),
    );
    return () => ctrl.abort();
  }, [t]);

  const save = async () => {
    setError(null);
    // Any slip in the address (no scheme, a user or password in it) is the one the server would refuse too.
    const typed = form.baseUrl.trim() && typedUrlProblem(form.baseUrl) ? 'settings.ai.urlIncomplete' : null;
    setUrlError(typed);
    if (typed) return;
    setSaving(true);
    try {
      const body = form.baseUrl.trim()
        ? {
            baseUrl: form.baseUrl.trim(),
            model: form.model.trim(),
            ...(form.apiKey ? { apiKey: form.apiKey } : {}),
          }
        : { baseUrl: null };
      const next = await api.put<AiSettings>('/v1/settings/ai', body);
      setSettings(next);
      setForm((f) => ({ ...f, apiKey: '' }));
      notifications.show({ color: 'teal', message: t('settings.ai.saved') });
    } catch (err) {
      const refused = refusedUrl(err);
      if (refused) setUrlError(refused);
      else setError(t('settings.ai.saveError'));
    } finally {
      setSaving(false);
    }
  };

  if (!settings && !error) return <Skeleton h={220} maw={560} radius="md" />;
  return (
    <Paper withBorder p="lg" radius="md" maw={560}>
      <Stack gap="md">
        <Group justify="space-between">
          <Text fw={600}>{t('settings.ai.title')}</Text>
          {settings && (
            <Badge data-testid="ai-source" variant="light" color={SOURCE_COLOR[settings.source]}>
              {t(`settings.ai.source.${settings.source}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('settings.ai.description')}
        </Text>
        {error && (
          <Alert color="red" icon={<IconInfoCircle size={16} />}>
            {error}
          </Alert>
        )}
        <TextInput
          label={t('settings.ai.baseUrl')}
          description={t('settings.ai.baseUrlHelp')}
          placeholder="https://api.openai.com/v1"
          value={form.baseUrl}
          onChange={(e) => {
            setForm({ ...form, baseUrl: e.currentTarget.value });
            setUrlError(null);
          }}
          error={urlError ? t(urlError) : undefined}
          data-testid="ai-base-url"
        />
        <TextInput
          label={t('settings.ai.model')}
          placeholder={settings?.model ?? 'gpt-4o-mini'}
          value={form.model}
          onChange={(e) => setForm({ ...form, model: e.currentTarget.value })}
          data-testid="ai-model"
        />
        <PasswordInput
          label={t('settings.ai.apiKey')}
          description={settings?.hasApiKey ? t('settings.ai.apiKeyKept') : t('settings.ai.apiKeyHelp')}
          value={form.apiKey}
          onChange={(e) => setForm({ ...form, apiKey: e.currentTarget.value })}
          autoComplete="new-password"
          data-testid="ai-api-key"
        />
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={saving} data-testid="ai-save">
            {t('settings.ai.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
