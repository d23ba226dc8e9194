import type { z } from 'zod';
import { AppError, notFound } from './app-error';

/** Parses request input at the edge; a ZodError becomes a 400 in the error middleware. */
export const parse = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> => schema.parse(value);

/**
 * Parses a path's ids: one that cannot exist (not a uuid) names nothing, so it answers 404 like an
 * unknown id or another workspace's, not a 400 an integrator would read as a bad body.
 */
export function pathParams<S extends z.ZodType>(schema: S, params: unknown, what?: string): z.infer<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw what ? notFound(what) : new AppError('not_found', 'Not found');
  return parsed.data;
}
