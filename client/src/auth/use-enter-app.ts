import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import type { AuthResponse } from '../api/types';
import { useAuthStore } from './auth-store';

/** After a sign-in, a sign-up or an accepted invitation: keeps the session, greets the user with `message` and opens `to`. */
export function useEnterApp() {
  const navigate = useNavigate();
  const signIn = useAuthStore((s) => s.signIn);
  return async (resp: AuthResponse, message: string, to: string) => {
    signIn(resp);
    notifications.show({ color: 'teal', message });
    await navigate(to, { replace: true });
  };
}
