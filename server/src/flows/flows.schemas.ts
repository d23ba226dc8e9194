import { z } from 'zod';

const name = z.string().trim().min(1).max(120);
/** A draft may be invalid in every other way, but it is always a JSON object the canvas can open. */
const document = z.record(z.string(), z.unknown());
/** A draft's revision, as the flow answers it: a PostgreSQL integer, so a larger one was never issued. */
const revision = z.int().min(1).max(2_147_483_647);

export const createFlowBody = z.object({ name, document: document.optional() });
export type CreateFlowInput = z.infer<typeof createFlowBody>;

export const saveFlowBody = z.object({ document, name: name.optional(), baseRevision: revision.optional() });
export type SaveFlowInput = z.infer<typeof saveFlowBody>;

export const renameFlowBody = z.object({ name });

/** Publish and restore may name the draft revision the caller saw, to refuse acting on a newer one. */
export const revisionGuardBody = z.object({ baseRevision: revision.optional() }).prefault({});

/** The editor's document, unsaved edits included; without one, the saved draft is checked. */
export const templateProblemsBody = z.object({ document: document.optional() }).prefault({});

export const importFlowBody = z.object({
  name,
  document: z.unknown().refine((value) => value !== undefined, 'Required'),
});
export type ImportFlowInput = z.infer<typeof importFlowBody>;

/** Ids are uuids; anything else cannot exist, so it is a 404 rather than a database error. */
export const idParam = z.guid();
