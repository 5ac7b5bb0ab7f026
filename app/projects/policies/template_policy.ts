import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type { StaffIdentity } from '#core/public/users'

/** Every staff member reads the agency's templates; owners and managers write them (RLS agrees). */
export default class TemplatePolicy extends BasePolicy {
  manage(user: StaffIdentity): AuthorizerResponse {
    return user.role === 'owner' || user.role === 'manager'
      ? true
      : AuthorizationResponse.deny('Only owners and managers can change project templates', 403)
  }
}
