import User, { type StaffRole } from '#core/models/user'
import { recordAudit } from '#core/audit/audit_trail'
import { fieldError } from '#core/exceptions/field_error'
import { findLogin } from '#core/queries/find_login'

/** An operator adds a user directly (the product's own path is an invitation). */
export default class CreateStaffUser {
  async handle(agencyId: string, input: { email: string; name: string; password: string; role: StaffRole }) {
    if (await findLogin(input.email)) fieldError('email', 'An account with this email already exists', 'unique')
    const user = await User.create({ agencyId, ...input, isActive: true })
    await recordAudit({ entityType: 'user', entityId: user.id, action: 'created', after: { email: user.email, role: user.role } })
    return user
  }
}
