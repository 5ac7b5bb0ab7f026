import { DateTime } from 'luxon'
import { recordAudit } from '#core/public/audit'
import { ConflictException, fieldError } from '#core/public/errors'
import { recordClientEvent } from '#crm/public/timeline'
import Milestone from '#projects/models/milestone'
import Project from '#projects/models/project'
import Task from '#projects/models/task'
import { milestoneCompleted } from '#projects/public/milestones'

export interface MilestoneInput {
  name?: string
  dueDate?: string | null
  amount?: number | null
  /** The full set of the project's tasks linked to the milestone. */
  taskIds?: string[]
}

async function linkTasks(milestone: Milestone, taskIds: string[]) {
  const found = await Task.query().whereIn('id', taskIds).where('projectId', milestone.projectId).count('* as total').first()
  if (Number(found?.$extras.total ?? 0) !== taskIds.length) fieldError('taskIds', 'Choose tasks of this project', 'exists')
  await Task.query().where('milestoneId', milestone.id).whereNotIn('id', taskIds).update({ milestoneId: null })
  if (taskIds.length) await Task.query().whereIn('id', taskIds).update({ milestoneId: milestone.id })
}

export class CreateMilestone {
  async handle(projectId: string, input: MilestoneInput & { name: string }) {
    const project = await Project.findOrFail(projectId)
    const last = await Milestone.query().where('projectId', project.id).max('position as last').first()
    const milestone = await Milestone.create({
      projectId: project.id,
      name: input.name,
      dueDate: input.dueDate ?? null,
      amountCents: input.amount ?? null,
      status: 'open',
      position: last?.$extras.last === null || last?.$extras.last === undefined ? 0 : Number(last.$extras.last) + 1,
    })
    if (input.taskIds) await linkTasks(milestone, input.taskIds)
    await recordAudit({ entityType: 'milestone', entityId: milestone.id, action: 'created', after: { projectId, name: milestone.name, amount: milestone.amountCents } })
    return milestone
  }
}

export class UpdateMilestone {
  async handle(milestone: Milestone, input: MilestoneInput) {
    const before = { name: milestone.name, dueDate: milestone.dueDate, amount: milestone.amountCents }
    milestone.merge({
      name: input.name ?? milestone.name,
      dueDate: input.dueDate === undefined ? milestone.dueDate : input.dueDate,
      amountCents: input.amount === undefined ? milestone.amountCents : input.amount,
    })
    if (milestone.$isDirty) await milestone.save()
    if (input.taskIds) await linkTasks(milestone, input.taskIds)
    await recordAudit({
      entityType: 'milestone',
      entityId: milestone.id,
      action: 'updated',
      before,
      after: { name: milestone.name, dueDate: milestone.dueDate, amount: milestone.amountCents, ...(input.taskIds ? { taskIds: input.taskIds } : {}) },
    })
    return milestone
  }
}

export class DeleteMilestone {
  async handle(milestone: Milestone) {
    if (milestone.status === 'completed') throw new ConflictException('A completed milestone may be billed: reopen it before deleting it')
    await milestone.delete()
    await recordAudit({ entityType: 'milestone', entityId: milestone.id, action: 'deleted', before: { name: milestone.name } })
  }
}

/**
 * Completes a milestone: Billing's handlers run in this transaction, the
 * client's timeline and the audit log record it. Completing twice is a 409.
 */
export class CompleteMilestone {
  async handle(milestoneId: string) {
    const milestone = await Milestone.query().where('id', milestoneId).forUpdate().firstOrFail()
    if (milestone.status === 'completed') throw new ConflictException(`“${milestone.name}” is already completed`)
    const project = await Project.findOrFail(milestone.projectId)
    milestone.merge({ status: 'completed', completedAt: DateTime.now() })
    await milestone.save()
    await milestoneCompleted({
      milestoneId: milestone.id,
      projectId: project.id,
      clientId: project.clientId,
      name: milestone.name,
      amountCents: milestone.amountCents === null ? null : Number(milestone.amountCents),
      currency: project.currency,
      completedAt: milestone.completedAt!.toISO()!,
    })
    await recordClientEvent({
      clientId: project.clientId,
      kind: 'milestone_completed',
      body: `Milestone “${milestone.name}” of ${project.name} completed`,
      metadata: { projectId: project.id, milestoneId: milestone.id, amountCents: milestone.amountCents },
    })
    await recordAudit({ entityType: 'milestone', entityId: milestone.id, action: 'completed', after: { status: 'completed' } })
    return milestone
  }
}

/** Reopens a completed milestone (a mistake, or more work needed). */
export class ReopenMilestone {
  async handle(milestoneId: string) {
    const milestone = await Milestone.query().where('id', milestoneId).forUpdate().firstOrFail()
    if (milestone.status === 'open') throw new ConflictException(`“${milestone.name}” is already open`)
    milestone.merge({ status: 'open', completedAt: null })
    await milestone.save()
    await recordAudit({ entityType: 'milestone', entityId: milestone.id, action: 'reopened', after: { status: 'open' } })
    return milestone
  }
}
