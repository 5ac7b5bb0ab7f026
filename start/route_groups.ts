/*
| The two ways staff reach a module: signed-in pages (session, CSRF, Inertia)
| and the bearer-token JSON API under /api. Each module's routes.ts uses these,
| so every module gets the same tenant transaction, auth and rate limit.
*/
import router from '@adonisjs/core/services/router'
import { apiStack, middleware, pageStack, portalApiStack, portalPageStack } from '#start/kernel'
import { throttleContact, throttleUser } from '#start/limiter'

export function staffPages(routes: () => void) {
  return router.group(routes).use([...pageStack(), middleware.auth({ guards: ['web'] }), throttleUser])
}

export function staffApi(routes: () => void) {
  return router
    .group(routes)
    .prefix('/api')
    .use([...apiStack(), middleware.auth({ guards: ['api'] }), throttleUser])
}

export const uuid = router.matchers.uuid()

/** Portal pages for a signed-in client contact (`/portal/...`); `portalGuestPages` for sign-in. */
export function portalPages(routes: () => void) {
  return router.group(routes).prefix('/portal').use([...portalPageStack(), middleware.portalAuth(), throttleContact])
}

export function portalGuestPages(routes: () => void) {
  return router.group(routes).prefix('/portal').use(portalPageStack())
}

/** The portal's JSON API (`/api/portal/...`), authenticated by the portal session only: staff tokens are not portal logins. */
export function portalApi(routes: () => void) {
  return router.group(routes).prefix('/api/portal').use([...portalApiStack(), middleware.portalAuth(), throttleContact])
}
