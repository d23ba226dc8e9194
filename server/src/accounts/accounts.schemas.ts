import { z } from 'zod';

const email = z.string().trim().toLowerCase().email().max(254);

export const signupBody = z.object({
  workspaceName: z.string().trim().min(1).max(80),
  name: z.string().trim().min(1).max(80),
  email,
  password: z.string().min(8, 'Password must have at least 8 characters').max(200),
});
export type SignupInput = z.infer<typeof signupBody>;

export const loginBody = z.object({ email, password: z.string().min(1).max(200) });
export type LoginInput = z.infer<typeof loginBody>;

export const refreshBody = z.object({ refreshToken: z.string().min(10).max(200) });

export const logoutBody = refreshBody;
export const switchBody = z.object({ workspaceId: z.string().uuid() });
export const resetRequestBody = z.object({ email });
export const resetConfirmBody = z.object({ token: z.string().min(10).max(200), password: signupBody.shape.password });

/** The same rule as the name given at sign-up. */
export const renameWorkspaceBody = z.object({ name: signupBody.shape.workspaceName });

/** The signed-in person's own name, with the sign-up rule. */
export const renameMeBody = z.object({ name: signupBody.shape.name });
export const changePasswordBody = z.object({ currentPassword: loginBody.shape.password, newPassword: signupBody.shape.password });
