/**
 * What the portal asks of projects when a client contact's feedback or a
 * revision request becomes work for the team: a task in the project's
 * review column (visible to the client, at the end of the column), and how
 * far those tasks have got. Plain ids and statuses only. The caller decides
 * who it runs as — the portal runs it as `system` of the agency
 * (`tenancy.asSystem`), since contacts cannot write tasks themselves.
 */
import CreateTask from '#projects/actions/create_task'
import Task, { type TaskStatus } from '#projects/models/task'

export type { TaskStatus }

export interface ReviewTaskInput {
  projectId: string
  /** Cut to the task title's limit (160 characters). */
  title: string
  description?: string | null
}

/** A new task in the review column of the project, placed last; returns its id. */
export async function createReviewTask(input: ReviewTaskInput): Promise<string> {
  const title = input.title.length > 160 ? `${input.title.slice(0, 159)}…` : input.title
  const task = await new CreateTask().handle(input.projectId, {
    title,
    description: input.description ?? null,
    status: 'review',
    priority: 'medium',
    visibleToClient: true,
  })
  return task.id
}

/** The status of each task the caller can see, by id (an unseen or deleted task is absent). */
export async function taskStatuses(taskIds: string[]): Promise<Map<string, TaskStatus>> {
  const ids = [...new Set(taskIds)]
  if (!ids.length) return new Map()
  const tasks = await Task.query().whereIn('id', ids).select('id', 'status')
  return new Map(tasks.map((task) => [task.id, task.status]))
}
