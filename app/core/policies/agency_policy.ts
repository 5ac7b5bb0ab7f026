import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#core/models/user'

const ownerOnly = (user: User, what: string): AuthorizerResponse =>
  user.role === 'owner' ? true : AuthorizationResponse.deny(`Only the agency owner can ${what}`, 403)

/** Agency settings, team and invitations belong to the owner (PRODUCT.md §1). */
export default class AgencyPolicy extends BasePolicy {
  updateSettings(user: User) {
    return ownerOnly(user, 'change agency settings')
  }

  manageTeam(user: User) {
    return ownerOnly(user, 'manage the team')
  }

  viewAuditLog(user: User) {
    return ownerOnly(user, 'read the audit log')
  }
}
