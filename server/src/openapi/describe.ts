// How a module describes its routes for GET /v1/openapi.json: with the very zod schemas its routes
// parse requests with, registered beside the router (<module>.openapi.ts). Paths are written the
// way express writes them (`/v1/flows/:id`); path parameters without a schema are strings.
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ACCESS_LEVELS, type Access, type Role } from '../http/access';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type RouteDoc = {
  method: Method;
  /** Express form, e.g. `/v1/flows/:id`. */
  path: string;
  summary: string;
  tag: string;
  /**
   * The request body. Required in the document unless the schema accepts a missing body (optional,
   * a default or prefault): express leaves req.body undefined when none is sent.
   */
  body?: z.ZodType;
  /** An object schema, or a pipe from one (its input side is what the query string holds). */
  query?: z.ZodType;
  params?: z.ZodObject;
  /** Request headers the route reads, keyed by their name as written (`Idempotency-Key`). */
  headers?: z.ZodObject;
  /** Success status and what it answers; default 200 and a JSON object. */
  status?: number;
  response?: z.ZodType;
  /**
   * The success answer is not JSON (text/csv, a provider's challenge as text/plain): its media type,
   * `response` then saying what it holds.
   */
  responseType?: string;
  /** Headers of the success answer that a client acts on (a download's Content-Disposition). */
  responseHeaders?: z.ZodObject;
  /** Public routes (sign-up, visitor API, this document) need no bearer token. */
  public?: boolean;
  /** Web-chat visitor routes take the visitor token a visitor session answers, not a member's token or an API key. */
  visitor?: boolean;
  /** The body is not JSON (e.g. text/csv, an uploaded file); `body` then says what it holds. */
  contentType?: string;
};

/** `/v1/flows/:id` → `/v1/flows/{id}`. */
export const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

function paramsOf(doc: RouteDoc): z.ZodObject | undefined {
  const names = [...doc.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  if (!names.length) return undefined;
  const given = doc.params?.shape ?? {};
  return z.object(Object.fromEntries(names.map((n) => [n, (given as Record<string, z.ZodType>)[n] ?? z.string()])));
}

/** The object a query schema reads, through any transform pipes after it. */
function queryObject(schema: z.ZodType | undefined): z.ZodObject | undefined {
  let s: unknown = schema;
  while (s instanceof z.ZodPipe) s = s.in;
  if (s !== undefined && !(s instanceof z.ZodObject)) throw new Error('A query schema must be an object (or a pipe from one)');
  return s as z.ZodObject | undefined;
}

/** The request body, required unless its schema lets it be left out. */
function bodyOf(doc: RouteDoc): NonNullable<RouteConfig['request']>['body'] {
  if (!doc.body) {
    if (doc.contentType) throw new Error(`${doc.method} ${doc.path}: a ${doc.contentType} body needs a body schema`);
    return undefined;
  }
  return { required: !doc.body.safeParse(undefined).success, content: { [doc.contentType ?? 'application/json']: { schema: doc.body } } };
}

const ERROR = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const error = (description: string) => ({ description, content: { 'application/json': { schema: ERROR } } });

/** The access each route declares with allow(level), keyed `GET /v1/flows/{id}`; read from the app's routers. */
export type AccessOf = (method: string, path: string) => Access | undefined;

/**
 * Who may call a signed-in route, said where an integrator choosing an API key's role reads it: the
 * roles as `x-roles`, a line of the description, and the 401/403/429 answers the route can give.
 */
function accessParts(doc: RouteDoc, accessOf: AccessOf | undefined) {
  if (doc.public || doc.visitor) return {};
  const access = accessOf?.(doc.method.toUpperCase(), openApiPath(doc.path));
  const roles: readonly Role[] | null | undefined = access && ACCESS_LEVELS[access];
  const refusals = {
    401: error('`unauthorized`: no token, or one that is expired, revoked or unknown'),
    429: error('`rate_limited`: the workspace used its request budget; `Retry-After` says in how many seconds to try again'),
  };
  if (!roles) return { responses: refusals };
  return {
    'x-roles': [...roles],
    description: `Roles: ${roles.join(', ')} (a member's session or an API key with one of these roles).`,
    responses: roles.length < ACCESS_LEVELS.member.length ? { ...refusals, 403: error('`forbidden`: the caller\'s role may not use this route') } : refusals,
  };
}

export function describeRoutes(registry: OpenAPIRegistry, docs: readonly RouteDoc[], accessOf?: AccessOf): void {
  for (const doc of docs) {
    const { responses: refusals, ...access } = accessParts(doc, accessOf);
    const status = doc.status ?? 200;
    if (doc.responseType && !doc.response) throw new Error(`${doc.method} ${doc.path}: a ${doc.responseType} answer needs a response schema`);
    const success: RouteConfig['responses'][number] = status === 204 ? { description: 'Done; no content' } : {
      description: 'Success',
      headers: doc.responseHeaders,
      // Untyped: any object. openapi.int.test.ts fails on a route left so.
      content: { [doc.responseType ?? 'application/json']: { schema: doc.response ?? z.object({}).loose() } },
    };
    registry.registerPath({
      method: doc.method,
      path: openApiPath(doc.path),
      summary: doc.summary,
      ...access,
      tags: [doc.tag],
      security: doc.public ? [] : [{ [doc.visitor ? 'visitor' : 'bearer']: [] }],
      request: {
        params: paramsOf(doc),
        query: queryObject(doc.query),
        headers: doc.headers,
        body: bodyOf(doc),
      },
      responses: { [status]: success, ...refusals, default: error('Error') },
    });
  }
}
