import { Anchor, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Brand } from '../shared/Brand';
import { LanguageSwitch } from '../shared/LanguageSwitch';

interface AuthLayoutProps {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: ReactNode;
}

/** Centered card shared by the login and signup pages; with no title (still loading) only its content shows. */
export function AuthLayout({ title, subtitle, children, footer }: AuthLayoutProps) {
  const { t } = useTranslation();
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-0)" p="md">
      {/* Language is offered before sign-in: many users pick it on their very first visit. */}
      <Group justify="flex-end">
        <LanguageSwitch />
      </Group>
      <Center py="xl">
        <Stack w="100%" maw={420} gap="lg">
          <Stack align="center" gap={6}>
            <Brand size="lg" />
            <Text c="dimmed" ta="center" size="sm">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" radius="md" p="xl">
            <Stack gap="lg">
              {title && (
                <div>
                  <Title order={2} size="h3">
                    {title}
                  </Title>
                  {subtitle && (
                    <Text c="dimmed" size="sm">
                      {subtitle}
                    </Text>
                  )}
                </div>
              )}
              {children}
            </Stack>
          </Paper>
          <Text ta="center" size="sm">
            {footer}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}

/** The footer's way to the other page: "Don't have an account? Create one". */
export function AuthFooterLink({ question, to, label }: { question: string; to: string; label: string }) {
  return (
    <>
      {question}{' '}
      <Anchor component={Link} to={to} fw={600}>
        {label}
      </Anchor>
    </>
  );
}
