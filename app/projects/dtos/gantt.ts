import type { ProjectStatus } from '#projects/models/project'

/** What the Gantt page draws: dated rows and the finish-to-start links between tasks. */
export interface GanttDto {
  project: {
    id: string
    name: string
    status: ProjectStatus
    client: { id: string; name: string | null }
    startDate: string | null
    deadline: string | null
  }
  tasks: { id: string; title: string; status: string; startDate: string | null; dueDate: string | null; milestoneId: string | null }[]
  milestones: { id: string; name: string; status: string; dueDate: string | null }[]
  dependencies: { taskId: string; dependsOnTaskId: string }[]
}
