import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type { StaffIdentity } from '#core/public/users'

/** Owners and managers let client contacts into the portal, shut them out, and read the access log. */
export default class PortalAccessPolicy extends BasePolicy {
  manage(user: StaffIdentity): AuthorizerResponse {
    return user.role === 'owner' || user.role === 'manager'
      ? true
      : AuthorizationResponse.deny('Only owners and managers can manage client portal access', 403)
  }
}
