import type TimeEntry from '#time/models/time_entry'

/** One entry as pages and the API see it. Money in minor units per hour, durations in seconds. */
export interface TimeEntryDto {
  id: string
  userId: string
  projectId: string
  projectName?: string
  taskId: string | null
  taskTitle?: string | null
  description: string
  date: string
  startedAt: string | null
  endedAt: string | null
  duration: number
  billable: boolean
  billableRate: number | null
  costRate: number | null
  currency: string
  status: 'draft' | 'submitted' | 'approved'
  invoiced: boolean
  /** Submitted, approved or invoiced: nothing may change it. */
  locked: boolean
}

export function toTimeEntryDto(entry: TimeEntry, names?: { projectName?: string; taskTitle?: string | null }): TimeEntryDto {
  return {
    id: entry.id,
    userId: entry.userId,
    projectId: entry.projectId,
    ...(names?.projectName !== undefined ? { projectName: names.projectName } : {}),
    taskId: entry.taskId,
    ...(names?.taskTitle !== undefined ? { taskTitle: names.taskTitle } : {}),
    description: entry.description,
    date: entry.entryDate,
    startedAt: entry.startedAt?.toUTC().toISO() ?? null,
    endedAt: entry.endedAt?.toUTC().toISO() ?? null,
    duration: entry.durationSeconds,
    billable: entry.billable,
    billableRate: entry.billableRateCents,
    costRate: entry.costRateCents,
    currency: entry.currency,
    status: entry.status,
    invoiced: entry.invoiceId !== null,
    locked: entry.locked,
  }
}
