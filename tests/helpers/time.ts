import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { tenancy, withTenant } from '#core/public/tenancy'
import Agency from '#core/models/agency'
import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'
import LogTime from '#time/actions/log_time'
import { createAgency, createUser } from '#tests/helpers/factories'
import { createClient } from '#tests/helpers/crm'

/**
 * An agency (in `timezone`) with an owner, a manager and a member on one
 * active project; rates are set on the people so entries freeze them.
 */
export async function timeTeam(name = 'Time', options: { timezone?: string; requireTimeApproval?: boolean } = {}) {
  const owner = await createAgency(name)
  const manager = await createUser(owner.agencyId, 'manager')
  const member = await createUser(owner.agencyId, 'member')
  const { clientId } = await createClient(owner.agencyId, `${name} client`)
  const projectId = await withTenant(owner.agencyId, async () => {
    const agency = await Agency.findOrFail(owner.agencyId)
    agency.merge({ timezone: options.timezone ?? 'UTC', requireTimeApproval: options.requireTimeApproval ?? true })
    await agency.save()
    const project = await Project.create({ clientId, name: `${name} project`, status: 'active', currency: 'USD', hourlyRateCents: 15000 })
    await ProjectMember.create({ projectId: project.id, userId: manager.userId, role: 'manager', costRateCents: 6000 })
    await ProjectMember.create({ projectId: project.id, userId: member.userId, role: 'member', costRateCents: 4000 })
    return project.id
  })
  return { owner, manager, member, clientId, projectId, agencyId: owner.agencyId }
}

/** Another project of the same agency with these people on it. */
export async function addProject(agencyId: string, clientId: string, members: Array<{ userId: string; role?: 'manager' | 'member' }>, fields: Partial<Project> = {}) {
  return withTenant(agencyId, async () => {
    const project = await Project.create({ clientId, name: 'Second project', status: 'active', currency: 'USD', ...fields })
    for (const member of members) await ProjectMember.create({ projectId: project.id, userId: member.userId, role: member.role ?? 'member' })
    return project.id
  })
}

/** Logs time as `userId` through the real action (rules included). */
export async function logTime(
  agencyId: string,
  userId: string,
  role: 'owner' | 'manager' | 'member',
  entry: { projectId: string; date?: string; seconds?: number; startedAt?: string; endedAt?: string; description?: string; billable?: boolean }
) {
  return tenancy.run(
    async () => {
      const startedAt = entry.startedAt ? DateTime.fromISO(entry.startedAt, { zone: 'utc' }) : null
      const endedAt = entry.endedAt ? DateTime.fromISO(entry.endedAt, { zone: 'utc' }) : null
      const logged = await new LogTime().handle({
        userId,
        projectId: entry.projectId,
        taskId: null,
        description: entry.description ?? 'Work',
        billable: entry.billable,
        entryDate: entry.date ?? startedAt!.toISODate()!,
        startedAt,
        endedAt,
        durationSeconds: entry.seconds ?? Math.round(endedAt!.diff(startedAt!, 'seconds').seconds),
      })
      return logged.id
    },
    { agencyId, userId, role }
  )
}

/**
 * Approves time the way the week's approval would leave it (draft → submitted
 * → approved), written as the schema owner; the guard trigger allows each step.
 */
export async function approveTime(entryIds: string[]) {
  const owner = db.connection('owner')
  await owner.from('time_entries').whereIn('id', entryIds).update({ status: 'submitted', submitted_at: new Date() })
  await owner.from('time_entries').whereIn('id', entryIds).update({ status: 'approved', approved_at: new Date() })
}
