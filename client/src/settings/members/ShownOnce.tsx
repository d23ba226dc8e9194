import { Alert, Code, CopyButton, Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconEyeExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A secret (invitation link, API key) the server shows only once: copy it now (`note` says so, in words that fit the secret). */
export function ShownOnce({ title, note, value, testId }: { title: string; note: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" variant="light" icon={<IconEyeExclamation />} title={title}>
      <Stack gap="xs">
        <Text size="sm">{note}</Text>
        <Group gap="xs" wrap="nowrap" align="center">
          <Code data-testid={testId} style={{ wordBreak: 'break-all', flex: 1 }}>{value}</Code>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}>
                {copied ? t('settings.members.copied') : t('settings.members.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
