import 'express';

declare global {
  namespace Express {
    interface Request {
      /** Set by requireAuth: who is calling, in which workspace. */
      auth?: { userId: string; tenantId: string; role: 'owner' | 'admin' | 'agent' };
    }
  }
}
export {};
