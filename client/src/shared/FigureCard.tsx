// One figure of a report: a label, the number, and a line saying what it is out of.
import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function FigureCard({ label, value, hint, alert, testId }: { label: string; value: ReactNode; hint?: string; alert?: boolean; testId: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fz={28} fw={700} c={alert ? 'red.7' : undefined}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Paper>
  );
}
