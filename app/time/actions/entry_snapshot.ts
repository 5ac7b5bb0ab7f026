import type TimeEntry from '#time/models/time_entry'

/** What the audit log keeps of an entry, before and after each change. */
export function entrySnapshot(entry: TimeEntry) {
  return {
    userId: entry.userId,
    projectId: entry.projectId,
    taskId: entry.taskId,
    description: entry.description,
    date: entry.entryDate,
    startedAt: entry.startedAt?.toISO() ?? null,
    endedAt: entry.endedAt?.toISO() ?? null,
    duration: entry.durationSeconds,
    billable: entry.billable,
    billableRate: entry.billableRateCents,
    costRate: entry.costRateCents,
    status: entry.status,
    invoiceId: entry.invoiceId,
  }
}
