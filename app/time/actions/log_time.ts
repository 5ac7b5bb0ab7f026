import { recordAudit } from '#core/public/audit'
import { tenancy } from '#core/public/tenancy'
import { checkProjectBudget } from '#projects/public/budget'
import { resolveRates } from '#projects/public/rates'
import TimeEntry from '#time/models/time_entry'
import { checkEntry, type EntryDraft } from '#time/actions/entry_rules'
import { entrySnapshot } from '#time/actions/entry_snapshot'

/**
 * Logs one entry after every rule holds, with the person's billable and cost
 * rates on this project frozen onto it. The timer, the manual form, the
 * timesheet grid and the API all come through here.
 */
export default class LogTime {
  async handle(draft: EntryDraft) {
    const target = await checkEntry(draft)
    const rates = await resolveRates(draft.projectId, draft.userId)
    const entry = await TimeEntry.create({
      userId: draft.userId,
      projectId: draft.projectId,
      taskId: draft.taskId,
      description: draft.description,
      entryDate: draft.entryDate,
      startedAt: draft.startedAt,
      endedAt: draft.endedAt,
      durationSeconds: draft.durationSeconds,
      billable: draft.billable ?? target.billableByDefault,
      billableRateCents: rates.billableRateCents,
      costRateCents: rates.costRateCents,
      currency: target.currency,
      status: 'draft',
    })
    await recordAudit({ entityType: 'time_entry', entityId: entry.id, action: 'created', after: entrySnapshot(entry) })
    await checkProjectBudget(entry.projectId)
    return entry
  }
}

/** The signed-in person, who logs time for themselves. */
export function currentUserId(): string {
  const userId = tenancy.current()?.userId
  if (!userId) throw new Error('Time is logged by a signed-in person')
  return userId
}
