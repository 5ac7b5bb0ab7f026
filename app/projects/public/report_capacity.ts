/**
 * Allocations for capacity planning, as plain data.
 *
 * Overbooking is about a person's whole week, so the allocations of the
 * people asked for are read as trusted server code (`tenancy.asSystem`) on
 * every active project of the agency — the caller (Reports) decides whom
 * they may plan for. Only the projects the caller can see under RLS are
 * named; the rest of the week is one "Other projects" line with no id.
 *
 * A person's allocated time in a week (Monday–Sunday) is the sum of their
 * `weekly_allocated_seconds` over the **active** projects they are on whose
 * dates overlap that week: a project counts from its start date (when set)
 * to its deadline (when set), both included; without dates it counts every week.
 */
import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'
import { tenancy } from '#core/public/tenancy'

export const OTHER_PROJECTS = 'Other projects'

export interface WeekAllocation {
  /** 'YYYY-MM-DD', a Monday */
  weekStart: string
  allocatedSeconds: number
  /** projectId null: the projects the caller cannot see, summed */
  projects: Array<{ projectId: string | null; name: string; seconds: number }>
}

/** 'YYYY-MM-DD' + days, on the calendar. */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** For each of `userIds` and each week starting on `weekStarts` (Mondays), the allocated seconds; every pair is present. */
export async function weeklyAllocations(userIds: string[], weekStarts: string[]): Promise<Map<string, WeekAllocation[]>> {
  const result = new Map<string, WeekAllocation[]>(
    userIds.map((userId) => [userId, weekStarts.map((weekStart) => ({ weekStart, allocatedSeconds: 0, projects: [] }))])
  )
  if (userIds.length === 0 || weekStarts.length === 0) return result
  const { members, projects } = await tenancy.asSystem(async () => {
    const rows = await ProjectMember.query()
      .whereIn('userId', userIds)
      .whereNotNull('weeklyAllocatedSeconds')
      .where('weeklyAllocatedSeconds', '>', 0)
      .whereIn('projectId', Project.query().select('id').where('status', 'active'))
    const ids = [...new Set(rows.map((row) => row.projectId))]
    return { members: rows, projects: ids.length ? await Project.query().whereIn('id', ids) : [] }
  })
  if (members.length === 0) return result
  const byId = new Map(projects.map((project) => [project.id, project]))
  // Back under the caller's RLS: which of these may they see by name?
  const visible = new Set(
    (await Project.query().select('id').whereIn('id', [...byId.keys()])).map((project) => project.id)
  )
  for (const member of members) {
    const project = byId.get(member.projectId)
    if (!project) continue
    result.get(member.userId)!.forEach((week) => {
      const weekEnd = addDays(week.weekStart, 6)
      if (project.startDate && project.startDate > weekEnd) return
      if (project.deadline && project.deadline < week.weekStart) return
      const seconds = Number(member.weeklyAllocatedSeconds)
      week.allocatedSeconds += seconds
      if (visible.has(project.id)) {
        week.projects.push({ projectId: project.id, name: project.name, seconds })
      } else {
        const other = week.projects.find((line) => line.projectId === null)
        if (other) other.seconds += seconds
        else week.projects.push({ projectId: null, name: OTHER_PROJECTS, seconds })
      }
    })
  }
  // Named projects by name, then the others.
  for (const weeks of result.values()) {
    for (const week of weeks) {
      week.projects.sort((a, b) => (a.projectId === null ? 1 : b.projectId === null ? -1 : a.name.localeCompare(b.name)))
    }
  }
  return result
}
