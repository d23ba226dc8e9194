// Every route registered on an express app, with the access its `allow(level)` guard declares.
// Read from the app itself, so a route added anywhere shows up here (and in the tests built on it).
import { randomUUID } from 'node:crypto';
import type { Application } from 'express';
import { declaredAccess, type Access } from './access';

export type RouteEntry = { method: string; path: string; access: Access | undefined };

/** A route as express holds it: `match` is express's own path test, `_methods` what its OPTIONS answer lists. */
export type RouteLayer = {
  route: { path: string | string[]; stack: Array<{ method?: string; handle: unknown }>; _methods(): string[] };
  match(path: string): unknown;
};

type Layer = Partial<RouteLayer> & {
  handle: { stack?: Layer[] };
  slash?: boolean;
  rawPath?: unknown;
};

export function listRoutes(app: Application): RouteEntry[] {
  const out: RouteEntry[] = [];
  for (const layer of routeLayers((app as unknown as { router: { stack: Layer[] } }).router.stack)) {
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    const guards = layer.route.stack.map((l) => declaredAccess(l.handle)).filter((a) => a !== undefined);
    const methods = [...new Set(layer.route.stack.map((l) => l.method).filter((m): m is string => Boolean(m)))];
    for (const path of paths) for (const method of methods) out.push({ method: method.toUpperCase(), path, access: guards.length === 1 ? guards[0] : undefined });
  }
  return out;
}

/** The route layers of a router's (or app's) stack, those of the routers mounted on it included. */
export function routeLayers(stack: readonly unknown[]): RouteLayer[] {
  const out: RouteLayer[] = [];
  for (const layer of stack as Layer[]) {
    if (layer.route && layer.match) out.push(layer as RouteLayer);
    else if (layer.handle.stack) {
      // Routers are mounted at the root, so route paths are complete; a prefix would hide it.
      if (!layer.slash) throw new Error(`a router is mounted under ${String(layer.rawPath)}; mount routers at the root`);
      out.push(...routeLayers(layer.handle.stack));
    }
  }
  return out;
}

/** A concrete URL for a route: each parameter becomes the given id (by default one that exists nowhere). */
export const concretePath = (path: string, idFor: (param: string) => string = () => randomUUID()) =>
  path.replace(/:(\w+)/g, (_m, name: string) => idFor(name)).replace(/\{\*\w+\}/g, 'x');
