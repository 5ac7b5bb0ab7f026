import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type { StaffIdentity } from '#core/public/users'

/**
 * Agency financials (profitability) are for owners (every project) and
 * managers (the projects they manage). Utilization is for everyone: the
 * queries narrow it to whom the caller may see.
 */
export default class ReportPolicy extends BasePolicy {
  viewFinancials(user: StaffIdentity): AuthorizerResponse {
    return user.role === 'owner' || user.role === 'manager'
      ? true
      : AuthorizationResponse.deny('Only owners and managers see profitability and other agency financials', 403)
  }

  viewUtilization(_user: StaffIdentity): AuthorizerResponse {
    return true
  }
}
