import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import User from '#core/models/user'
import { fieldError } from '#core/exceptions/field_error'
import { findLogin } from '#core/queries/find_login'
import { tenancy } from '#core/tenancy/tenant_context'

const INVALID = 'These credentials do not match our records'

/** Checks an email and password; on success the transaction is in the user's context. */
export default class AuthenticateStaff {
  async handle(email: string, password: string) {
    const login = await findLogin(email)
    if (!login) {
      // Same work as a real check, so response time does not reveal unknown addresses.
      await hash.make(password)
      fieldError('email', INVALID, 'credentials')
    }
    await tenancy.enter({ agencyId: login.agencyId, userId: login.userId, role: null })
    const user = await User.find(login.userId)
    if (!user || !(await user.verifyPassword(password))) fieldError('email', INVALID, 'credentials')
    if (!user.isActive) fieldError('email', 'This account has been deactivated', 'active')

    await tenancy.enter({ agencyId: user.agencyId, userId: user.id, role: user.role })
    user.lastLoginAt = DateTime.now()
    await user.save()
    return user
  }
}
