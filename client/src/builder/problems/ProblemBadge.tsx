import { Badge, List, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { hasErrors, type Problem } from '@zyntra/flows-schema';
import { useLocale } from '../../i18n/use-locale';

/** Problem count with the messages in a tooltip, in the current language. */
export function ProblemBadge({ problems, testId }: { problems: Problem[]; testId: string }) {
  const locale = useLocale();
  const errors = hasErrors(problems);
  return (
    <Tooltip
      multiline
      w={280}
      withArrow
      color={errors ? 'red' : 'orange'}
      label={
        <List size="xs" spacing={2}>
          {problems.map((p, i) => (
            <List.Item key={i}>{p.message[locale]}</List.Item>
          ))}
        </List>
      }
    >
      <Badge
        size="sm"
        circle={problems.length < 10}
        color={errors ? 'red' : 'orange'}
        leftSection={problems.length < 10 ? undefined : <IconAlertTriangle size={10} />}
        data-testid={testId}
        data-severity={errors ? 'error' : 'warning'}
      >
        {problems.length}
      </Badge>
    </Tooltip>
  );
}
