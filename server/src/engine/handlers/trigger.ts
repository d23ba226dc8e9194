// The entry node: matching already happened in matchTrigger, so entering it just moves on.
import type { NodeHandler } from './types';

export const trigger: NodeHandler<'trigger'> = {
  enter: () => ({ next: 'next', actions: [] }),
};
