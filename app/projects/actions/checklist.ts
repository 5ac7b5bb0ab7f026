import { tenancy } from '#core/public/tenancy'
import ChecklistItem from '#projects/models/checklist_item'
import type Task from '#projects/models/task'

/** A checklist item at the end of the task's list. */
export class AddChecklistItem {
  async handle(task: Task, label: string) {
    const row = await tenancy.client().from('checklist_items').where('task_id', task.id).max('position as last').first()
    const position = row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1
    return ChecklistItem.create({ projectId: task.projectId, taskId: task.id, label, position })
  }
}

/** Renames or ticks an item (members only tick: the policy and the database both hold them to `done`). */
export class UpdateChecklistItem {
  async handle(item: ChecklistItem, changes: { label?: string; done?: boolean }) {
    item.merge({ label: changes.label ?? item.label, done: changes.done ?? item.done })
    if (item.$isDirty) await item.save()
    return item
  }
}

export class DeleteChecklistItem {
  async handle(item: ChecklistItem) {
    await item.delete()
  }
}
