import type { HttpContext } from '@adonisjs/core/http'
import Agency from '#core/models/agency'
import { logoUrl } from '#core/dtos/agency'
import { unreadNotificationCount } from '#core/queries/user_notifications'

const queues = new WeakMap<HttpContext, Promise<unknown>>()

/**
 * Inertia resolves shared props concurrently, but the request's queries all
 * run on its one tenant transaction (one connection): the resolvers that
 * query take turns instead of overlapping on that connection.
 */
function oneAtATime<T>(ctx: HttpContext, work: () => Promise<T>): Promise<T> {
  const result = (queues.get(ctx) ?? Promise.resolve()).then(work, work)
  queues.set(ctx, result.catch(() => undefined))
  return result
}

/** Props every Inertia page receives: who is signed in, their agency's branding, flash messages and form errors. */
export const sharedPageProps = {
  auth: (ctx: HttpContext) => {
    const user = ctx.auth?.user
    return { user: user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null }
  },
  agency: (ctx: HttpContext) =>
    oneAtATime(ctx, async () => {
      const user = ctx.auth?.user
      if (!user) return null
      const agency = await Agency.find(user.agencyId)
      return agency ? { id: agency.id, name: agency.name, logoUrl: logoUrl(agency), brandColor: agency.brandColor } : null
    }),
  /** The bell's badge; the list itself is fetched when the bell opens. */
  notifications: (ctx: HttpContext) => oneAtATime(ctx, async () => (ctx.auth?.user ? { unread: await unreadNotificationCount() } : null)),
  flash: (ctx: HttpContext) => ({
    success: ctx.session?.flashMessages.get('success') as string | undefined,
    error: ctx.session?.flashMessages.get('error') as string | undefined,
    token: ctx.session?.flashMessages.get('token') as string | undefined,
  }),
  errors: (ctx: HttpContext) => {
    const bag = (ctx.session?.flashMessages.get('inputErrorsBag') ?? {}) as Record<string, string[] | string>
    return Object.fromEntries(Object.entries(bag).map(([field, messages]) => [field, Array.isArray(messages) ? messages[0] : messages]))
  },
}

export type SharedPropResolver = (ctx: HttpContext) => unknown

const registeredKeys = new Set<string>()

/**
 * Adds a page-wide prop owned by another module (see #core/public/shared_props).
 * Inertia reads this same object (config/inertia.ts) on every render, so a key
 * registered at boot reaches every page; core's own keys cannot be replaced.
 */
export function registerSharedProp(key: string, resolver: SharedPropResolver) {
  const props = sharedPageProps as Record<string, unknown>
  if (key in props && !registeredKeys.has(key)) throw new Error(`Shared prop "${key}" belongs to core`)
  registeredKeys.add(key)
  props[key] = (ctx: HttpContext) => oneAtATime(ctx, async () => resolver(ctx))
}
