import { Paper, Stack, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './composer.module.css';

interface Props<T> {
  /** The list's id; option i is `${id}-${i}` (the reply box names the highlighted one, aria-activedescendant). */
  id: string;
  items: readonly T[];
  active: number;
  label: string;
  testId: string;
  /** Shown above the (empty) list when nothing matches. */
  empty: ReactNode;
  keyOf: (item: T) => string;
  testIdOf: (item: T) => string;
  onPick: (item: T) => void;
  children: (item: T) => ReactNode;
}

export const optionId = (listId: string, index: number) => `${listId}-${index}`;

/**
 * A list above the reply box (canned responses, mentions). The reply box keeps the focus and the
 * keys (`list-keys.ts`): a click picks without taking the focus away from what is being typed.
 */
export function PickerList<T>({ id, items, active, label, testId, empty, keyOf, testIdOf, onPick, children }: Props<T>) {
  return (
    <Paper shadow="md" withBorder className={classes.picker} data-testid={testId} role="listbox" aria-label={label} id={id}>
      {items.length === 0 && empty}
      <Stack gap={0}>
        {items.map((item, i) => (
          <UnstyledButton
            key={keyOf(item)}
            id={optionId(id, i)}
            role="option"
            aria-selected={i === active}
            className={classes.option}
            data-active={i === active || undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(item)}
            data-testid={testIdOf(item)}
          >
            {children(item)}
          </UnstyledButton>
        ))}
      </Stack>
    </Paper>
  );
}
