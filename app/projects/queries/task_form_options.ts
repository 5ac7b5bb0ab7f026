import { isUuid } from '#core/public/ids'
import { listStaff } from '#core/public/users'
import Milestone from '#projects/models/milestone'
import Task from '#projects/models/task'
import { taskOptions } from '#projects/queries/list_tasks'
import { taskDetail } from '#projects/queries/present_tasks'

/** What the board and list pages share: choices for the task forms, and the task opened in the dialog. */
export async function taskFormOptions(projectId: string, openId: unknown) {
  // A stale or mangled `?task=` just opens nothing.
  const openTask = isUuid(openId) ? await Task.query().where({ id: openId, projectId }).first() : null
  const milestones = await Milestone.query().where('projectId', projectId).orderByRaw('due_date asc nulls last').select('id', 'name')
  return {
    openTask: openTask ? await taskDetail(openTask) : null,
    taskOptions: await taskOptions(projectId),
    milestones: milestones.map(({ id, name }) => ({ id, name })),
    staff: (await listStaff({ activeOnly: true })).map(({ id, name }) => ({ id, name })),
  }
}
