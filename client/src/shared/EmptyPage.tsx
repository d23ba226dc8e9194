import { EmptyState, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyPageProps {
  heading: string;
  icon: ReactNode;
  title: string;
  description: string;
  children?: ReactNode;
}

/** Placeholder body of an area that has no data (or no implementation) yet. */
export function EmptyPage({ heading, icon, title, description, children }: EmptyPageProps) {
  return (
    <Stack gap="xl">
      <Title order={2}>{heading}</Title>
      <EmptyState variant="light" size="lg" icon={icon} title={title} description={description} py="xl">
        {children}
      </EmptyState>
    </Stack>
  );
}
