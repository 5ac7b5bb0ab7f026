import PasswordReset from '#core/models/password_reset'
import User from '#core/models/user'
import { recordAudit } from '#core/audit/audit_trail'
import { tenancy } from '#core/tenancy/tenant_context'
import { hashSecretToken } from '#core/security/secret_token'

/** Finds a usable reset by its link token, in the owning agency's context. */
export async function findUsableReset(token: string) {
  const tokenHash = hashSecretToken(token)
  const result = await tenancy.client().rawQuery('select auth_lookup_password_reset(?) as agency_id', [tokenHash])
  const agencyId: string | null = result.rows[0]?.agency_id ?? null
  if (!agencyId) return null
  await tenancy.enter({ agencyId, userId: null, role: 'system' })
  const reset = await PasswordReset.findBy('tokenHash', tokenHash)
  return reset?.isUsable ? reset : null
}

/**
 * Sets a new password from a reset link. The link is spent, every other open
 * link of the user too, and existing sessions and the user's sign-ins elsewhere end.
 */
export default class ResetPassword {
  async handle(reset: PasswordReset, password: string) {
    const user = await User.findOrFail(reset.userId)
    user.password = password
    user.sessionVersion += 1
    await user.save()
    await PasswordReset.query()
      .where('userId', user.id)
      .whereNull('usedAt')
      .update({ used_at: new Date() })
    await recordAudit({
      entityType: 'user',
      entityId: user.id,
      action: 'password_reset',
      actor: { id: user.id, type: 'user' },
    })
    return user
  }
}
