// A path the API knows, asked with a method none of its routes takes (PUT /v1/flows): 405 with an
// Allow header, where an unknown path gets 404. The methods are read from the routers themselves,
// as express's own OPTIONS answer reads them, so a new route is counted without a list to keep.
import type { RequestHandler, Router } from 'express';
import { AppError } from './app-error';
import { routeLayers, type RouteLayer } from './route-table';

/** The methods the routes at `path` take (HEAD with GET), sorted; [] for a path no route has. */
export function allowedMethods(routes: readonly RouteLayer[], path: string): string[] {
  const methods = new Set<string>();
  for (const layer of routes) {
    let matches = false;
    try {
      matches = Boolean(layer.match(path));
    } catch {
      // A parameter that is not valid percent-encoding: express answers that one itself.
    }
    if (matches) for (const m of layer.route._methods()) methods.add(m);
  }
  return [...methods].sort();
}

/** Mounted after the routers: what reaches it was taken by none of them. OPTIONS is express's (and CORS's) own. */
export function methodNotAllowed(routers: readonly Router[]): RequestHandler {
  const routes = routeLayers(routers.flatMap((r) => r.stack));
  return (req, res, next) => {
    if (req.method === 'OPTIONS') return next();
    const allowed = allowedMethods(routes, req.path);
    // A route that takes the method but passed the request on: not a wrong method, so a 404 follows.
    if (allowed.length === 0 || allowed.includes(req.method)) return next();
    res.setHeader('allow', allowed.join(', '));
    const path = req.originalUrl.split('?')[0]!.slice(0, 200);
    next(new AppError('method_not_allowed', `${req.method} is not allowed on ${path}; it takes ${allowed.join(', ')}`));
  };
}
