import { tenancy } from '#core/public/tenancy'
import Milestone from '#projects/models/milestone'
import { toMilestoneDto } from '#projects/dtos/milestone'

/** A project's milestones by due date (undated last), with how many of their tasks are done. */
export async function listMilestones(projectId: string) {
  const milestones = await Milestone.query().where('projectId', projectId).orderByRaw('due_date asc nulls last').orderBy('position').orderBy('id')
  const rows = await tenancy
    .client()
    .from('tasks')
    .where('project_id', projectId)
    .whereNotNull('milestone_id')
    .groupBy('milestone_id')
    .select('milestone_id')
    .count('* as total')
    .select(tenancy.client().raw(`count(*) filter (where status = 'done') as done`))
  const counts = new Map(rows.map((row) => [row.milestone_id, { taskCount: Number(row.total), doneTaskCount: Number(row.done) }]))
  return milestones.map((m) => toMilestoneDto(m, counts.get(m.id) ?? { taskCount: 0, doneTaskCount: 0 }))
}
