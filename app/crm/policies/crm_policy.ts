import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type { StaffIdentity } from '#core/public/users'

/**
 * Owners and managers run the CRM; members read the clients of their
 * projects (RLS decides which) and nothing else (PRODUCT.md §1).
 */
export default class CrmPolicy extends BasePolicy {
  manage(user: StaffIdentity): AuthorizerResponse {
    return user.role === 'owner' || user.role === 'manager'
      ? true
      : AuthorizationResponse.deny('Only owners and managers can change clients and deals', 403)
  }

  viewPipeline(user: StaffIdentity): AuthorizerResponse {
    return user.role === 'owner' || user.role === 'manager'
      ? true
      : AuthorizationResponse.deny('Only owners and managers can see the deal pipeline', 403)
  }
}
