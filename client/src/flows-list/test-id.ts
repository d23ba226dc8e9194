/** A data-testid for props objects (like Mantine's confirmProps) whose type lists no data-* keys. */
export const testId = (id: string) => ({ 'data-testid': id }) as Record<`data-${string}`, string>;
