import { ActionIcon, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface CopyFieldProps {
  label: string;
  value: string;
  /** data-testid of the value itself, so tests can read exactly what gets copied. */
  testId?: string;
  copyTestId?: string;
}

/** A read-only value the user has to paste somewhere else (URLs, tokens, embed code). */
export function CopyField({ label, value, testId, copyTestId }: CopyFieldProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="center">
        {/* pre-wrap + break-all: long tokens wrap inside the modal instead of widening it. */}
        <Code
          block
          data-testid={testId}
          flex={1}
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
          py={6}
        >
          {value}
        </Code>
        <CopyButton value={value} timeout={1500}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('settings.channels.copied') : t('settings.channels.copy')} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'light'}
                color={copied ? 'teal' : 'gray'}
                size="lg"
                onClick={copy}
                aria-label={`${t('settings.channels.copy')}: ${label}`}
                data-testid={copyTestId}
                data-copied={copied || undefined}
              >
                {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
