import { BUILT_IN_VARIABLES } from '@zyntra/flows-schema';
import { useMemo } from 'react';
import { useFlowStore } from '../../store/flow-store-context';

/** Names declared in the flow settings. */
export function useDeclaredVariables(): string[] {
  const variables = useFlowStore((s) => s.settings.variables);
  return useMemo(() => variables.map((v) => v.name).filter(Boolean), [variables]);
}

/** Everything a {{…}} placeholder may name: built-ins first, then the declared ones. */
export function useTemplateVariables(): { builtIn: readonly string[]; declared: string[] } {
  return { builtIn: BUILT_IN_VARIABLES, declared: useDeclaredVariables() };
}
