import ProjectMember from '#projects/models/project_member'
import { recordAudit } from '#core/public/audit'
import { ConflictException, fieldError } from '#core/public/errors'
import { findStaff } from '#core/public/users'
import { assertCanManage } from '#projects/actions/project_fields'

export interface MemberFields {
  role?: 'manager' | 'member'
  billableRateCents?: number | null
  costRateCents?: number | null
  weeklyAllocatedSeconds?: number | null
}

const COLUMNS: Record<keyof MemberFields, string> = {
  role: 'role',
  billableRateCents: 'billable_rate_cents',
  costRateCents: 'cost_rate_cents',
  weeklyAllocatedSeconds: 'weekly_allocated_seconds',
}

const defined = (fields: MemberFields) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))

/** Puts a person of the agency on the project team. */
export class AddProjectMember {
  async handle(projectId: string, userId: string, fields: MemberFields) {
    const staff = await findStaff(userId)
    if (!staff || !staff.isActive) fieldError('userId', 'Choose an active person of your agency')
    if (fields.role === 'manager') await assertCanManage(userId, 'role')
    if (await ProjectMember.query().where('projectId', projectId).where('userId', userId).first()) {
      throw new ConflictException(`${staff.name} is already on this project`)
    }
    const member = await ProjectMember.create({ projectId, userId, role: 'member', ...defined(fields) })
    await recordAudit({ entityType: 'project', entityId: projectId, action: 'member_added', after: { userId, ...fields } })
    return member
  }
}

/** Changes a team member's project role, rate overrides or weekly allocation. */
export class UpdateProjectMember {
  async handle(member: ProjectMember, fields: MemberFields) {
    if (fields.role === 'manager' && member.role !== 'manager') await assertCanManage(member.userId, 'role')
    const before = { role: member.role, billableRateCents: member.billableRateCents, costRateCents: member.costRateCents, weeklyAllocatedSeconds: member.weeklyAllocatedSeconds }
    // The table's key is (project_id, user_id): Lucid's save() would match on one column only.
    const changes = defined(fields)
    await ProjectMember.query()
      .where('projectId', member.projectId).where('userId', member.userId)
      .update(Object.fromEntries(Object.entries(changes).map(([key, value]) => [COLUMNS[key as keyof MemberFields], value])))
    member.merge(changes)
    await recordAudit({ entityType: 'project', entityId: member.projectId, action: 'member_updated', before: { userId: member.userId, ...before }, after: { userId: member.userId, ...fields } })
    return member
  }
}

export class RemoveProjectMember {
  async handle(member: ProjectMember) {
    await ProjectMember.query().where('projectId', member.projectId).where('userId', member.userId).delete()
    await recordAudit({ entityType: 'project', entityId: member.projectId, action: 'member_removed', before: { userId: member.userId, role: member.role } })
  }
}
