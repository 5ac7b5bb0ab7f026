import { tenancy } from '#core/public/tenancy'
import Milestone from '#projects/models/milestone'
import { toMilestoneDto, type MilestoneDto } from '#projects/dtos/milestone'

/** A task without an estimate still counts, as one hour. */
const UNESTIMATED_SECONDS = 3600

/**
 * Progress 0–100 per project: done tasks weighted by estimate; with no tasks,
 * completed milestones out of all milestones; with neither, 0. Projects the
 * caller cannot see (RLS) come back as 0.
 */
export async function projectProgress(projectIds: string[]): Promise<Map<string, number>> {
  const progress = new Map(projectIds.map((id) => [id, 0]))
  if (!projectIds.length) return progress
  const { rows } = await tenancy.client().rawQuery(
    `select ids.id as project_id,
            coalesce(t.n, 0)::int as task_count,
            coalesce(t.total, 0)::bigint as task_total, coalesce(t.done, 0)::bigint as task_done,
            coalesce(m.total, 0)::bigint as milestone_total, coalesce(m.done, 0)::bigint as milestone_done
       from unnest(?::uuid[]) as ids(id)
       left join (select project_id, sum(coalesce(estimate_seconds, ?)) as total,
                         sum(coalesce(estimate_seconds, ?)) filter (where status = 'done') as done,
                         count(*) as n
                    from tasks where project_id = any(?::uuid[]) group by project_id) t on t.project_id = ids.id
       left join (select project_id, count(*) as total, count(*) filter (where status = 'completed') as done
                    from milestones where project_id = any(?::uuid[]) group by project_id) m on m.project_id = ids.id`,
    [projectIds, UNESTIMATED_SECONDS, UNESTIMATED_SECONDS, projectIds, projectIds]
  )
  for (const row of rows) {
    const [done, total] =
      Number(row.task_count) > 0
        ? [Number(row.task_done), Number(row.task_total)]
        : [Number(row.milestone_done), Number(row.milestone_total)]
    // Rounded down, so 100 means everything is done.
    progress.set(row.project_id, total > 0 ? Math.floor((done * 100) / total) : 0)
  }
  return progress
}

/** The next open milestones of a project, soonest first (undated ones last). */
export async function upcomingMilestones(projectId: string, limit = 5): Promise<MilestoneDto[]> {
  const milestones = await Milestone.query()
    .where('projectId', projectId)
    .where('status', 'open')
    .orderByRaw('due_date asc nulls last')
    .orderBy('position')
    .orderBy('id')
    .limit(limit)
  return milestones.map((milestone) => toMilestoneDto(milestone))
}
