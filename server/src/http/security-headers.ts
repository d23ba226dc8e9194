// Security headers on every page and API answer (helmet). The CSP fits the built client: scripts
// only from this origin, Mantine's injected <style> tags (style-src 'unsafe-inline'), data: icons,
// the socket.io websocket, requests to PUBLIC_URL, and signed media links from the S3 endpoint. The
// app cannot be framed.
// The web-chat widget script and the visitor API are used by other sites, so they opt out of
// helmet's same-origin resource policy.
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config/env';

export type SecurityHeadersConfig = Pick<
  Config,
  'PUBLIC_URL' | 'S3_ENDPOINT' | 'S3_BUCKET' | 'S3_REGION' | 'S3_FORCE_PATH_STYLE'
> &
  Partial<Pick<Config, 'S3_PUBLIC_ENDPOINT'>>;

/** Origins that signed media links point at (the same rules the S3 client uses to build them). */
export function mediaOrigins(c: Omit<SecurityHeadersConfig, 'PUBLIC_URL'>): string[] {
  // Signed URLs name S3_PUBLIC_ENDPOINT when it is set (storage/s3.ts), S3_ENDPOINT otherwise.
  const endpoint = c.S3_PUBLIC_ENDPOINT ?? c.S3_ENDPOINT;
  if (endpoint) {
    const u = new URL(endpoint);
    return c.S3_FORCE_PATH_STYLE ? [u.origin] : [u.origin, `${u.protocol}//${c.S3_BUCKET}.${u.host}`];
  }
  const host = `s3.${c.S3_REGION}.amazonaws.com`;
  return [c.S3_FORCE_PATH_STYLE ? `https://${host}` : `https://${c.S3_BUCKET}.${host}`];
}

/**
 * PUBLIC_URL's origin and its websocket. The API reference's "Try it" sends to PUBLIC_URL (its
 * OpenAPI `servers`), which is not 'self' when the page was opened at another address of the same
 * server (its IP, an internal host name). 'self' covers same-origin websockets in current browsers;
 * behind a proxy, name it too.
 */
function publicOrigins(publicUrl: string | undefined): string[] {
  if (!publicUrl) return [];
  const u = new URL(publicUrl);
  return [u.origin, `${u.protocol === 'https:' ? 'wss:' : 'ws:'}//${u.host}`];
}

export function contentSecurityPolicy(c: SecurityHeadersConfig): Record<string, string[] | null> {
  const media = mediaOrigins(c);
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...media],
    'media-src': ["'self'", 'blob:', ...media],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...publicOrigins(c.PUBLIC_URL)],
    'object-src': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Upgrading requests breaks a plain-http install (npm start on 127.0.0.1): only behind https.
    'upgrade-insecure-requests': c.PUBLIC_URL?.startsWith('https:') ? [] : null,
  };
}

export function securityHeaders(c: SecurityHeadersConfig): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(c) },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}

/** Paths other sites load (widget script, visitor API): readable cross-origin. */
export function crossOriginResources(paths: string[]): RequestHandler {
  return (req, res, next) => {
    if (paths.some((p) => req.path === p || req.path.startsWith(`${p}/`))) res.setHeader('cross-origin-resource-policy', 'cross-origin');
    next();
  };
}
