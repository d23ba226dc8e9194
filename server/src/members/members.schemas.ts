import { z } from 'zod';
import { ROLES } from '../http/access';

const email = z.string().trim().toLowerCase().email().max(254);
const password = z.string().min(8, 'Password must have at least 8 characters').max(200);
const secret = z.string().min(10).max(200);

export const roleSchema = z.enum(ROLES);
export const inviteBody = z.object({ email, role: roleSchema });
export const roleBody = z.object({ role: roleSchema });
export const memberParams = z.object({ userId: z.string().uuid() });
export const idParams = z.object({ id: z.string().uuid() });
export const acceptBody = z.object({ token: secret, name: z.string().trim().min(1).max(80), password });
export const previewBody = z.object({ token: secret });
