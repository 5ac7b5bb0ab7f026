import vine from '@vinejs/vine'
import { date } from '#projects/validators/task'

const milestoneFields = {
  name: vine.string().trim().minLength(1).maxLength(160),
  dueDate: date().nullable().optional(),
  /** Minor units, for milestone billing. */
  amount: vine.number().withoutDecimals().min(0).max(10_000_000_000_000).nullable().optional(),
  /** Tasks of the project linked to this milestone (the full set). */
  taskIds: vine.array(vine.string().uuid()).maxLength(500).distinct().optional(),
}

export const createMilestoneValidator = vine.compile(vine.object(milestoneFields))

export const updateMilestoneValidator = vine.compile(
  vine.object({ ...milestoneFields, name: milestoneFields.name.optional() })
)
