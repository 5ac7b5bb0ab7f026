import { tenancy } from '#core/public/tenancy'
import Task from '#projects/models/task'
import { readProjectTime } from '#projects/public/project_time'
import { managesProject } from '#projects/policies/project_policy'
import { staffNamesById } from '#projects/queries/list_projects'
import { projectTeam } from '#projects/queries/show_project'

/** How many of the latest entries the Time tab lists. */
export const RECENT_ENTRIES = 25

export interface ProjectTimeMemberDto {
  userId: string
  name: string
  /** The project role, or null for someone no longer on the team who logged time here. */
  role: 'manager' | 'member' | null
  totalSeconds: number
  billableSeconds: number
  weekSeconds: number
}

export interface ProjectTimeEntryDto {
  id: string
  userId: string
  userName: string
  taskTitle: string | null
  description: string
  date: string
  durationSeconds: number
  billable: boolean
  status: 'draft' | 'submitted' | 'approved'
  invoiced: boolean
  /** Minor units per hour of `currency`; null when the reader may not see rates (or none was set). */
  billableRate: number | null
  costRate: number | null
  currency: string
}

export interface ProjectTimeDto {
  /** False when no module tracks time (nothing registered the reader). */
  tracked: boolean
  /** 'team': the whole team's time (owner, the project's managers); 'own': the reader's own time only. */
  scope: 'team' | 'own'
  /** Whether rates are shown (owner and the project's managers). */
  showsRates: boolean
  weekStart: string | null
  members: ProjectTimeMemberDto[]
  totals: { totalSeconds: number; billableSeconds: number; weekSeconds: number }
  recent: ProjectTimeEntryDto[]
}

/**
 * The Time tab: hours per person (total, billable, this week) and the latest
 * entries. What is counted is what RLS lets the reader see — the owner and
 * the project's managers see the team's time, with the frozen rates; anyone
 * else sees their own time, without rates.
 */
export async function projectTimeOverview(projectId: string): Promise<ProjectTimeDto> {
  const scope = tenancy.current()
  const runsProject = scope?.role === 'owner' || (scope?.role === 'manager' && !!scope.userId && (await managesProject(scope.userId, projectId)))
  const time = await readProjectTime(projectId, { recentLimit: RECENT_ENTRIES })
  const team = await projectTeam(projectId)
  const names = await staffNamesById()

  const logged = new Map((time?.members ?? []).map((row) => [row.userId, row]))
  // The team's people (also those without time yet), then anyone else who logged time here.
  const people = runsProject ? team.map((member) => member.userId) : scope?.userId ? [scope.userId] : []
  for (const userId of logged.keys()) if (!people.includes(userId)) people.push(userId)
  const roles = new Map(team.map((member) => [member.userId, member.role]))
  const members = people
    .map((userId) => {
      const row = logged.get(userId)
      return {
        userId,
        name: names.get(userId) ?? 'Former user',
        role: roles.get(userId) ?? null,
        totalSeconds: row?.totalSeconds ?? 0,
        billableSeconds: row?.billableSeconds ?? 0,
        weekSeconds: row?.weekSeconds ?? 0,
      }
    })
    .sort((a, b) => b.totalSeconds - a.totalSeconds || a.name.localeCompare(b.name))

  const taskIds = [...new Set((time?.recent ?? []).flatMap((entry) => (entry.taskId ? [entry.taskId] : [])))]
  const tasks = taskIds.length ? await Task.query().select('id', 'title').whereIn('id', taskIds) : []
  const taskTitles = new Map(tasks.map((task) => [task.id, task.title]))

  const sum = (key: 'totalSeconds' | 'billableSeconds' | 'weekSeconds') => members.reduce((total, member) => total + member[key], 0)
  return {
    tracked: time !== null,
    scope: runsProject ? 'team' : 'own',
    showsRates: runsProject,
    weekStart: time?.weekStart ?? null,
    members,
    totals: { totalSeconds: sum('totalSeconds'), billableSeconds: sum('billableSeconds'), weekSeconds: sum('weekSeconds') },
    recent: (time?.recent ?? []).map((entry) => ({
      id: entry.id,
      userId: entry.userId,
      userName: names.get(entry.userId) ?? 'Former user',
      taskTitle: entry.taskId ? (taskTitles.get(entry.taskId) ?? null) : null,
      description: entry.description,
      date: entry.date,
      durationSeconds: entry.durationSeconds,
      billable: entry.billable,
      status: entry.status,
      invoiced: entry.invoiced,
      billableRate: runsProject ? entry.billableRateCents : null,
      costRate: runsProject ? entry.costRateCents : null,
      currency: entry.currency,
    })),
  }
}
