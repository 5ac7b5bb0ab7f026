import type { HttpContext } from '@adonisjs/core/http'
import { tenancy } from '#core/public/tenancy'
import { loggableProjects } from '#projects/public/time_targets'
import { currentTimer, timerDto } from '#time/actions/timer'
import type { TimerDto } from '#time/dtos/timer'

const STAFF = new Set(['owner', 'manager', 'member'])

/**
 * The `timer` prop of every staff page (registered in time's register.ts):
 * the signed-in person's running timer, or null. One past 12 hours is
 * stopped on this read (they are told under the bell).
 */
export async function timerSharedProp(_ctx: HttpContext): Promise<TimerDto | null> {
  const scope = tenancy.current()
  if (!scope?.userId || !STAFF.has(scope.role ?? '')) return null
  const { timer } = await currentTimer(scope.userId)
  return timer ? timerDto(timer) : null
}

export interface TimerProjectOption {
  id: string
  name: string
  billableByDefault: boolean
  tasks: Array<{ id: string; title: string }>
}

/** What the widget's Start dialog offers, loaded when it opens: the projects the person may log on, with open tasks. */
export async function timerOptions(userId: string): Promise<{ projects: TimerProjectOption[] }> {
  const projects = await loggableProjects(userId)
  return {
    projects: projects.map((project) => ({
      id: project.projectId,
      name: project.name,
      billableByDefault: project.billableByDefault,
      tasks: project.tasks,
    })),
  }
}
