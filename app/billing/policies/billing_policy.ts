import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type { StaffIdentity } from '#core/public/users'

/**
 * Owners and managers run billing; members do not see invoices. Which
 * invoices a manager sees (those of clients whose projects they manage) is
 * RLS's job: an unseen invoice is a 404.
 */
export default class BillingPolicy extends BasePolicy {
  manage(user: StaffIdentity): AuthorizerResponse {
    return user.role === 'owner' || user.role === 'manager'
      ? true
      : AuthorizationResponse.deny('Only owners and managers work with invoices', 403)
  }
}
