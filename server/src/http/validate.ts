import type { z } from 'zod';

/** Parses request input at the edge; a ZodError becomes a 400 in the error middleware. */
export const parse = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> => schema.parse(value);
