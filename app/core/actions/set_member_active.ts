import { DateTime } from 'luxon'
import type User from '#core/models/user'
import ConflictException from '#core/exceptions/conflict_exception'
import { recordAudit } from '#core/audit/audit_trail'
import { tenancy } from '#core/tenancy/tenant_context'

/**
 * Deactivating ends the member's sessions (their session version moves on)
 * and deletes their API tokens, so both stop working on the next request.
 */
export default class SetMemberActive {
  async handle(actor: User, member: User, active: boolean) {
    if (member.id === actor.id) throw new ConflictException('You cannot deactivate yourself')
    if (member.isActive === active) return member
    member.isActive = active
    member.deactivatedAt = active ? null : DateTime.now()
    if (!active) {
      member.sessionVersion += 1
      await tenancy.client().from('auth_access_tokens').where('tokenable_id', member.id).delete()
    }
    await member.save()
    await recordAudit({
      entityType: 'user',
      entityId: member.id,
      action: active ? 'reactivated' : 'deactivated',
      before: { isActive: !active },
      after: { isActive: active },
    })
    return member
  }
}
