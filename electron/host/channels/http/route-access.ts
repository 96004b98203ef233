/**
 * Every route says who may call it, in its own config (`{ config: { access: 'api' } }`); the
 * server's guard reads the rule of the route the router matched, never a prefix of the raw URL, and
 * refuses a route that declares none. Plugins' routes (the static files) get theirs from the scope
 * they are registered in (`ruleForScope`).
 */
import type { FastifyInstance } from 'fastify';

export type Access =
  /** Anyone who may reach the player: the display's page and bundles, the console's page. */
  | 'public'
  /** The local API: from other machines only with the token, when bound beyond loopback. */
  | 'api'
  /** Rendered speech: the API's rule. */
  | 'speech'
  /** The display WebSocket: the API's rule, and the token may come as ?token=. */
  | 'display-socket'
  /** Media under assets/: anyone, media types only (media-only.ts). */
  | 'media'
  /** The console's API and preview: a session (console-access.ts), not the API token. */
  | 'console'
  /** The console's sign-in and session probe: they answer without a session. */
  | 'sign-in';

export const ACCESS_RULES: readonly Access[] = ['public', 'api', 'speech', 'display-socket', 'media', 'console', 'sign-in'];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Set on WebSocket routes (markSocketRoutes): an upgrade anywhere else is refused. */
    socket?: boolean;
  }
}

/** Route options carrying a rule: `app.get('/api/x', rule('api'), handler)`. */
export function rule(access: Access): { config: { access: Access } } {
  return { config: { access } };
}

/** The rule a route's config declares, or null for none (or a misspelt one). */
export function accessOf(config: unknown): Access | null {
  const access = (config as { access?: unknown } | null | undefined)?.access;
  return ACCESS_RULES.includes(access as Access) ? (access as Access) : null;
}

/** Gives every route registered in `scope` (and its children) that names none this rule: plugins' routes. */
export function ruleForScope(scope: FastifyInstance, access: Access): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: route.config?.access ?? access };
  });
}

/**
 * Marks every WebSocket route registered from now on. @fastify/websocket upgrades a request to any
 * route and then closes it if the route has no socket handler; the guard refuses such an upgrade
 * before it happens instead.
 */
export function markSocketRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if ((route as { websocket?: boolean }).websocket) route.config = { ...route.config, socket: true };
  });
}

/** A route as registered, with its rule: what the access sweep walks. */
export interface RuleOfRoute {
  method: string;
  url: string;
  access: Access | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of the server as fastify registered it, with its rule (onRoute). */
    readonly routeRules: readonly RuleOfRoute[];
  }
}

/** Records every route registered from now on (call before any route is added). */
export function recordRouteRules(app: FastifyInstance): void {
  const rules: RuleOfRoute[] = [];
  app.decorate('routeRules', rules);
  app.addHook('onRoute', (route) => {
    // Read when asked: a scope's own onRoute hook (ruleForScope) runs after this one.
    for (const method of [route.method].flat()) {
      rules.push({ method, url: route.url, get access() { return accessOf(route.config); } });
    }
  });
}
