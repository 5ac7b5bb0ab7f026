import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type { StaffIdentity } from '#core/public/users'

/**
 * Approvals belong to the owner and to managers (of the projects with time in
 * the week — which weeks they can see at all is RLS's job, so any other week
 * is a 404). Nobody but the owner decides their own week.
 */
export default class TimesheetPolicy extends BasePolicy {
  approve(user: StaffIdentity): AuthorizerResponse {
    return user.role === 'owner' || user.role === 'manager'
      ? true
      : AuthorizationResponse.deny('Only the owner and managers approve timesheets', 403)
  }

  decide(user: StaffIdentity, sheet: { userId: string }): AuthorizerResponse {
    const allowed = this.approve(user)
    if (allowed !== true) return allowed
    if (sheet.userId === user.id && user.role !== 'owner') {
      return AuthorizationResponse.deny('You cannot approve or reject your own week', 403)
    }
    return true
  }
}
