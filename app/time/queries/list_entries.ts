/**
 * Lists of time entries with their project and task names. Every read runs
 * under the request's RLS: a member only ever sees their own time, a manager
 * their own and that of the projects they manage, the owner everyone's.
 */
import { projectNames, taskTitles } from '#projects/public/time_targets'
import { toTimeEntryDto, type TimeEntryDto } from '#time/dtos/time_entry'
import TimeEntry from '#time/models/time_entry'

export interface EntryFilters {
  from?: string
  to?: string
  projectId?: string
  /** Whose time; the caller's when absent. */
  userId?: string
}

/** The entries with project and task names (names the caller cannot see stay blank). */
export async function withNames(entries: TimeEntry[]): Promise<TimeEntryDto[]> {
  const projects = await projectNames(entries.map((entry) => entry.projectId))
  const tasks = await taskTitles(entries.map((entry) => entry.taskId).filter((id): id is string => id !== null))
  return entries.map((entry) =>
    toTimeEntryDto(entry, {
      projectName: projects.get(entry.projectId)?.name ?? '',
      taskTitle: entry.taskId ? (tasks.get(entry.taskId) ?? null) : null,
    })
  )
}

export function entriesQuery(filters: EntryFilters, currentUserId: string) {
  const query = TimeEntry.query().where('userId', filters.userId ?? currentUserId)
  if (filters.from) query.where('entryDate', '>=', filters.from)
  if (filters.to) query.where('entryDate', '<=', filters.to)
  if (filters.projectId) query.where('projectId', filters.projectId)
  return query
}

/** One page of entries, newest day first, a day's entries in the order they happened. */
export async function listEntries(filters: EntryFilters & { page?: number; perPage?: number }, currentUserId: string) {
  const page = filters.page ?? 1
  const perPage = filters.perPage ?? 50
  const result = await entriesQuery(filters, currentUserId)
    .orderBy('entryDate', 'desc')
    .orderByRaw('started_at asc nulls last')
    .orderBy('createdAt', 'asc')
    .paginate(page, perPage)
  return { timeEntries: await withNames(result.all()), total: result.total, page, perPage }
}

/** One person's entries of one day, in the order they happened. */
export async function dayEntries(userId: string, day: string) {
  const entries = await TimeEntry.query()
    .where('userId', userId)
    .where('entryDate', day)
    .orderByRaw('started_at asc nulls last')
    .orderBy('createdAt', 'asc')
  return withNames(entries)
}
