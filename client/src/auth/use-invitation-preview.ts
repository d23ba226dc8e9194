// What the invitation page knows of its link before anyone signs in: whose workspace, who invited.
import { useEffect, useState } from 'react';
import { authApi, type InvitationPreview } from '../api/auth';
import { ApiError } from '../api/errors';

export type PreviewState = { state: 'loading' } | { state: 'ok'; invitation: InvitationPreview } | { state: 'gone' } | { state: 'unknown' };

export function useInvitationPreview(token: string): PreviewState {
  const [preview, setPreview] = useState<PreviewState>(token ? { state: 'loading' } : { state: 'gone' });
  useEffect(() => {
    if (!token) return;
    let live = true;
    authApi.previewInvitation(token).then(
      (invitation) => live && setPreview({ state: 'ok', invitation }),
      // Used, revoked or expired: say so now rather than after a name and password are typed.
      // Anything else (offline, rate limited): the form still works, the page just says less.
      (err) => live && setPreview({ state: err instanceof ApiError && err.status === 404 ? 'gone' : 'unknown' }),
    );
    return () => {
      live = false;
    };
  }, [token]);
  return preview;
}
