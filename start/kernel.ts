import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#core/exceptions/handler'))

server.use([
  () => import('#core/middleware/container_bindings_middleware'),
  () => import('#core/middleware/security_headers_middleware'),
  () => import('#core/middleware/health_check_middleware'),
  () => import('@adonisjs/static/static_middleware'),
  () => import('@adonisjs/vite/vite_middleware'),
])

router.use([
  () => import('#core/middleware/force_json_middleware'),
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
])

export const middleware = router.named({
  session: () => import('@adonisjs/session/session_middleware'),
  shield: () => import('@adonisjs/shield/shield_middleware'),
  tenant: () => import('#core/middleware/tenant_context_middleware'),
  bouncer: () => import('#core/middleware/initialize_bouncer_middleware'),
  inertia: () => import('@adonisjs/inertia/inertia_middleware'),
  auth: () => import('#core/middleware/auth_middleware'),
  guest: () => import('#core/middleware/guest_middleware'),
  portalContext: () => import('#portal/middleware/portal_context_middleware'),
  portalAuth: () => import('#portal/middleware/portal_auth_middleware'),
})

/**
 * Pages: a session, CSRF protection and Inertia around the tenant transaction.
 * Bearer-token API requests skip all three — no session is read, written or
 * sent back to a script, and no CSRF token is minted for it.
 */
export const pageStack = () => [middleware.session(), middleware.shield(), middleware.tenant(), middleware.bouncer(), middleware.inertia()]
export const apiStack = () => [middleware.tenant(), middleware.bouncer()]

/** The client portal: its own identity (the portal cookie), with a session only for CSRF and flash messages. */
export const portalPageStack = () => [
  middleware.session(),
  middleware.shield(),
  middleware.portalContext(),
  middleware.inertia(),
]
export const portalApiStack = () => [middleware.portalContext()]
