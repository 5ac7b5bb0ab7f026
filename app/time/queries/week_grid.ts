/**
 * The week view's grid: one row per project (and task) with a cell per day,
 * built from the person's entries. A cell is typed into only while the week
 * is open, the day is not in the future, the project still takes time, and
 * the cell holds nothing or one plain-duration draft.
 */
import { agencySettings } from '#core/public/agency'
import { tenancy } from '#core/public/tenancy'
import { loggableProjects, projectNames, taskTitles } from '#projects/public/time_targets'
import type { TimeEntryDto } from '#time/dtos/time_entry'
import type { WeekTimesheetDto } from '#time/dtos/timesheet'
import { addDays, agencyToday, weekDays } from '#time/rules/calendar'
import { weekEntries } from '#time/queries/week_timesheet'

export interface WeekGridCellDto {
  date: string
  seconds: number
  /** The one entry a typed duration changes; null when empty or when several share the cell. */
  entryId: string | null
  count: number
  /** Several or timed entries: the sum is shown, and they change in the day view. */
  inDayView: boolean
  editable: boolean
}

export interface WeekGridRowDto {
  key: string
  projectId: string
  projectName: string
  taskId: string | null
  taskTitle: string | null
  cells: WeekGridCellDto[]
  seconds: number
}

export interface WeekRowOption {
  key: string
  projectId: string
  projectName: string
  taskId: string | null
  taskTitle: string | null
}

export interface WeekGridDto {
  days: string[]
  today: string
  rows: WeekGridRowDto[]
  /** Project (and task) rows of last week, to copy into this one (empty). */
  lastWeekRows: WeekRowOption[]
  /** Projects (with their open tasks) new rows may use. */
  projects: Array<{ id: string; name: string; tasks: Array<{ id: string; title: string }> }>
}

export const rowKey = (projectId: string, taskId: string | null) => `${projectId}:${taskId ?? ''}`

export function gridCell(date: string, entries: TimeEntryDto[], open: boolean): WeekGridCellDto {
  const seconds = entries.reduce((sum, entry) => sum + entry.duration, 0)
  const single = entries.length === 1 ? entries[0] : null
  const plainDraft = single !== null && single.startedAt === null && !single.locked
  return {
    date,
    seconds,
    entryId: single?.id ?? null,
    count: entries.length,
    inDayView: entries.length > 1 || (single !== null && single.startedAt !== null),
    editable: open && (entries.length === 0 || plainDraft),
  }
}

export async function weekGrid(userId: string, sheet: WeekTimesheetDto): Promise<WeekGridDto> {
  const days = weekDays(sheet.weekStart)
  const today = agencyToday((await agencySettings(tenancy.agencyId())).timezone)
  const options = await loggableProjects(userId)
  const loggable = new Set(options.map((option) => option.projectId))

  const groups = new Map<string, { option: WeekRowOption; entries: TimeEntryDto[] }>()
  for (const entry of sheet.entries) {
    const key = rowKey(entry.projectId, entry.taskId)
    const group = groups.get(key) ?? {
      option: { key, projectId: entry.projectId, projectName: entry.projectName ?? '', taskId: entry.taskId, taskTitle: entry.taskTitle ?? null },
      entries: [],
    }
    group.entries.push(entry)
    groups.set(key, group)
  }
  const rows = [...groups.values()]
    .sort((a, b) => a.option.projectName.localeCompare(b.option.projectName) || (a.option.taskTitle ?? '').localeCompare(b.option.taskTitle ?? ''))
    .map(({ option, entries }) => ({
      ...option,
      cells: days.map((day) =>
        gridCell(
          day,
          entries.filter((entry) => entry.date === day),
          !sheet.locked && day <= today && loggable.has(option.projectId)
        )
      ),
      seconds: entries.reduce((sum, entry) => sum + entry.duration, 0),
    }))

  const previous = await weekEntries(userId, addDays(sheet.weekStart, -7)).select('projectId', 'taskId')
  const pairs = new Map(previous.filter((entry) => loggable.has(entry.projectId)).map((entry) => [rowKey(entry.projectId, entry.taskId), entry]))
  const names = await projectNames([...pairs.values()].map((entry) => entry.projectId))
  const titles = await taskTitles([...pairs.values()].flatMap((entry) => (entry.taskId ? [entry.taskId] : [])))
  const lastWeekRows = [...pairs.entries()]
    .map(([key, entry]) => ({
      key,
      projectId: entry.projectId,
      projectName: names.get(entry.projectId)?.name ?? '',
      taskId: entry.taskId,
      taskTitle: entry.taskId ? (titles.get(entry.taskId) ?? null) : null,
    }))
    .sort((a, b) => a.projectName.localeCompare(b.projectName) || (a.taskTitle ?? '').localeCompare(b.taskTitle ?? ''))

  return {
    days,
    today,
    rows,
    lastWeekRows,
    projects: options.map((option) => ({ id: option.projectId, name: option.name, tasks: option.tasks })),
  }
}
