import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import { errors } from '@adonisjs/auth'
import type User from '#core/models/user'
import { tenancy } from '#core/tenancy/tenant_context'
import { SESSION_ROLE_KEY } from '#core/tenancy/claimed_identity'
import { rememberIntendedPath, SESSION_VERSION_KEY } from '#core/http/staff_session'

/**
 * Requires a signed-in, active staff user. A deactivated user, or a session
 * from before a password reset or deactivation, is signed out at once. The
 * tenant context then carries the user's id and current role for RLS.
 */
export default class AuthMiddleware {
  redirectTo = '/login'

  async handle(ctx: HttpContext, next: NextFn, options: { guards?: (keyof Authenticators)[] } = {}) {
    try {
      await ctx.auth.authenticateUsing(options.guards, { loginRoute: this.redirectTo })
    } catch (error) {
      if (ctx.session) rememberIntendedPath(ctx)
      throw error
    }
    const user = ctx.auth.user as User
    const guard = ctx.auth.authenticatedViaGuard
    const staleSession = guard === 'web' && ctx.session.get(SESSION_VERSION_KEY) !== user.sessionVersion
    if (!user.isActive || staleSession) {
      if (guard === 'web') {
        await ctx.auth.use('web').logout()
        ctx.session.clear()
      }
      throw new errors.E_UNAUTHORIZED_ACCESS('Your session has ended', {
        guardDriverName: guard === 'web' ? 'session' : 'access_tokens',
        redirectTo: this.redirectTo,
      })
    }
    // The claim was resolved before authentication; re-enter only if the user's role has changed since.
    const scope = tenancy.current()!
    if (scope.agencyId !== user.agencyId || scope.userId !== user.id || scope.role !== user.role) {
      await tenancy.enter({ agencyId: user.agencyId, userId: user.id, role: user.role })
      if (guard === 'web') ctx.session.put(SESSION_ROLE_KEY, user.role)
    }
    return next()
  }
}
