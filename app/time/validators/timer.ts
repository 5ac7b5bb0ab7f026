import vine from '@vinejs/vine'

/** Starting the timer (API and the header widget's form). Billable defaults from the project. */
export const startTimerValidator = vine.compile(
  vine.object({
    projectId: vine.string().trim().uuid(),
    taskId: vine.string().trim().uuid().nullable().optional(),
    description: vine.string().trim().maxLength(2000).nullable().optional(),
    billable: vine.boolean().nullable().optional(),
  })
)
