import { recordAudit } from '#core/public/audit'
import { ConflictException } from '#core/public/errors'
import { checkProjectBudget } from '#projects/public/budget'
import { resolveRates } from '#projects/public/rates'
import type TimeEntry from '#time/models/time_entry'
import { checkEntry, type EntryDraft } from '#time/actions/entry_rules'
import { entrySnapshot } from '#time/actions/entry_snapshot'

export type EntryChanges = Partial<Omit<EntryDraft, 'userId'>>

function refuseLocked(entry: TimeEntry) {
  if (entry.invoiceId) throw new ConflictException('This time is invoiced and can no longer change')
  if (entry.status !== 'draft') throw new ConflictException(`This time is ${entry.status} and can no longer change`)
}

/** Edits a draft entry under the same rules as new time; rates are re-frozen only when the project changes. */
export class EditTimeEntry {
  async handle(entry: TimeEntry, changes: EntryChanges) {
    refuseLocked(entry)
    const before = entrySnapshot(entry)
    const draft: EntryDraft = {
      userId: entry.userId,
      projectId: changes.projectId ?? entry.projectId,
      taskId: changes.taskId !== undefined ? changes.taskId : changes.projectId && changes.projectId !== entry.projectId ? null : entry.taskId,
      description: changes.description ?? entry.description,
      billable: changes.billable ?? entry.billable,
      entryDate: changes.entryDate ?? entry.entryDate,
      startedAt: changes.startedAt !== undefined ? changes.startedAt : entry.startedAt,
      endedAt: changes.endedAt !== undefined ? changes.endedAt : entry.endedAt,
      durationSeconds: changes.durationSeconds ?? entry.durationSeconds,
    }
    const target = await checkEntry(draft, { exceptId: entry.id })
    const projectChanged = draft.projectId !== entry.projectId
    entry.merge({ ...draft, billable: draft.billable ?? entry.billable })
    if (projectChanged) {
      const rates = await resolveRates(draft.projectId, draft.userId)
      entry.merge({ billableRateCents: rates.billableRateCents, costRateCents: rates.costRateCents, currency: target.currency })
    }
    if (!entry.$isDirty) return entry
    await entry.save()
    await recordAudit({ entityType: 'time_entry', entityId: entry.id, action: 'updated', before, after: entrySnapshot(entry) })
    await checkProjectBudget(entry.projectId)
    if (projectChanged) await checkProjectBudget(before.projectId)
    return entry
  }
}

export class DeleteTimeEntry {
  async handle(entry: TimeEntry) {
    refuseLocked(entry)
    await entry.delete()
    await recordAudit({ entityType: 'time_entry', entityId: entry.id, action: 'deleted', before: entrySnapshot(entry) })
    await checkProjectBudget(entry.projectId)
  }
}
