import User, { type StaffRole } from '#core/models/user'
import ConflictException from '#core/exceptions/conflict_exception'
import { recordAudit } from '#core/audit/audit_trail'

export default class ChangeMemberRole {
  async handle(actor: User, member: User, role: StaffRole) {
    if (member.id === actor.id) throw new ConflictException('You cannot change your own role')
    if (member.role === role) return member
    const before = member.role
    member.role = role
    await member.save()
    await recordAudit({ entityType: 'user', entityId: member.id, action: 'role_changed', before: { role: before }, after: { role } })
    return member
  }
}
