import { z } from 'zod';

const name = z.string().trim().min(1).max(80);
const memberIds = z.array(z.uuid()).max(500).transform((ids) => [...new Set(ids)]);

export const createTeamBody = z.object({ name, memberIds: memberIds.default([]) });
export const updateTeamBody = z.object({ name: name.optional(), memberIds: memberIds.optional() }).refine((b) => b.name !== undefined || b.memberIds !== undefined, 'Nothing to change');
export type UpdateTeam = z.infer<typeof updateTeamBody>;
