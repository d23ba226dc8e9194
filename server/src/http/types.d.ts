import 'express';
import type { Role } from './access';

declare global {
  namespace Express {
    interface Request {
      /** Set by requireAuth: who is calling, in which workspace, with the role they hold now. */
      auth?: { userId: string; tenantId: string; role: Role; familyId?: string; apiKeyId?: string };
    }
  }
}
export {};
