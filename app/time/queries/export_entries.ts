/**
 * Timesheets as CSV. The rows are whatever RLS lets the caller read — a member
 * their own time, a manager their own and that of the projects they manage,
 * the owner everyone's — narrowed by the filters, never widened by them.
 */
import { stringify } from 'csv-stringify/sync'
import { DateTime } from 'luxon'
import { clientNames } from '#crm/public/clients'
import { listStaff } from '#core/public/users'
import { projectNames, taskTitles } from '#projects/public/time_targets'
import { agencyZone } from '#time/actions/entry_rules'
import TimeEntry from '#time/models/time_entry'
import { decimalHours, minorToMajor, textCell } from '#core/public/spreadsheet_cells'

export const EXPORT_COLUMNS = [
  'date',
  'member',
  'email',
  'project',
  'client',
  'task',
  'description',
  'start',
  'end',
  'hours',
  'duration_seconds',
  'billable',
  'status',
  'invoiced',
  'billable_rate',
  'cost_rate',
  'currency',
]

export interface ExportFilters {
  from?: string
  to?: string
  userId?: string
  projectId?: string
}

/** Entries are decorated a batch at a time, to keep each `in (…)` list short. */
const BATCH = 1000




export async function exportEntriesCsv(filters: ExportFilters) {
  const query = TimeEntry.query()
  if (filters.from) query.where('entryDate', '>=', filters.from)
  if (filters.to) query.where('entryDate', '<=', filters.to)
  if (filters.userId) query.where('userId', filters.userId)
  if (filters.projectId) query.where('projectId', filters.projectId)
  const entries = await query.orderBy('entryDate', 'asc').orderBy('userId', 'asc').orderByRaw('started_at asc nulls last').orderBy('createdAt', 'asc')

  const zone = await agencyZone()
  const people = new Map((await listStaff()).map((user) => [user.id, user]))
  const localTime = (instant: DateTime | null) => (instant ? (instant.setZone(zone).toISO({ suppressMilliseconds: true }) ?? '') : '')

  const rows: string[][] = []
  for (let start = 0; start < entries.length; start += BATCH) {
    const batch = entries.slice(start, start + BATCH)
    const projects = await projectNames(batch.map((entry) => entry.projectId))
    const clients = await clientNames([...new Set([...projects.values()].map((project) => project.clientId))])
    const tasks = await taskTitles(batch.map((entry) => entry.taskId).filter((id): id is string => id !== null))
    for (const entry of batch) {
      const person = people.get(entry.userId)
      const project = projects.get(entry.projectId)
      rows.push([
        entry.entryDate,
        textCell(person?.name),
        textCell(person?.email),
        textCell(project?.name),
        textCell(project ? clients.get(project.clientId) : ''),
        textCell(entry.taskId ? tasks.get(entry.taskId) : ''),
        textCell(entry.description),
        localTime(entry.startedAt),
        localTime(entry.endedAt),
        decimalHours(entry.durationSeconds),
        String(entry.durationSeconds),
        entry.billable ? 'yes' : 'no',
        entry.status,
        entry.invoiceId ? 'yes' : 'no',
        entry.billableRateCents === null ? '' : minorToMajor(entry.billableRateCents, entry.currency),
        entry.costRateCents === null ? '' : minorToMajor(entry.costRateCents, entry.currency),
        entry.currency,
      ])
    }
  }
  return stringify(rows, { header: true, columns: EXPORT_COLUMNS })
}
