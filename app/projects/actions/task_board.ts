import { tenancy } from '#core/public/tenancy'
import Task, { type TaskStatus } from '#projects/models/task'

/**
 * Serialises board and dependency writes of one project until the
 * transaction ends: concurrent moves keep positions dense, and two concurrent
 * dependency adds cannot together close a cycle. An advisory lock, because
 * project members move tasks but may not lock the projects row.
 */
export async function lockProjectTasks(projectId: string) {
  await tenancy.client().rawQuery('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`project-tasks:${projectId}`])
}

/**
 * Renumbers a status column 0…n-1 keeping its order, with `placed` (if given)
 * inserted at its 0-based index (clamped; the end by default).
 */
export async function renumberColumn(projectId: string, status: TaskStatus, placed?: { taskId: string; index?: number }) {
  const query = Task.query()
    .where({ projectId, status })
    .orderBy('position')
    .orderBy('createdAt')
    .orderBy('id')
    .select('id')
  if (placed) query.whereNot('id', placed.taskId)
  const ids = (await query).map((task) => task.id)
  if (placed) ids.splice(Math.min(placed.index ?? ids.length, ids.length), 0, placed.taskId)
  if (!ids.length) return
  await tenancy.client().rawQuery(
    `update tasks set position = ordered.position - 1
       from unnest(?::uuid[]) with ordinality as ordered(id, position)
      where tasks.id = ordered.id and tasks.position <> ordered.position - 1`,
    [ids]
  )
}

/** Where a new card goes: the end of its column. */
export async function nextPosition(projectId: string, status: TaskStatus) {
  const row = await tenancy.client().from('tasks').where({ project_id: projectId, status }).count('* as count').first()
  return Number(row?.count ?? 0)
}
