import vine from '@vinejs/vine'
import { calendarDate } from '#core/public/validation'
import { TASK_PRIORITIES, TASK_STATUSES } from '#projects/models/task'

export const date = () => vine.string().trim().use(calendarDate())

/** Optional free text: trimmed, and an emptied field means "none". */
export const optionalText = (max: number) =>
  vine
    .string()
    .trim()
    .maxLength(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()

const taskFields = {
  title: vine.string().trim().minLength(1).maxLength(200),
  description: optionalText(20_000),
  status: vine.enum(TASK_STATUSES).optional(),
  priority: vine.enum(TASK_PRIORITIES).optional(),
  assigneeId: vine.string().uuid().nullable().optional(),
  startDate: date().nullable().optional(),
  dueDate: date().nullable().optional(),
  /** Hours, decimals allowed; stored as whole seconds. */
  estimateHours: vine.number().min(0).max(10_000).nullable().optional(),
  milestoneId: vine.string().uuid().nullable().optional(),
  visibleToClient: vine.boolean().optional(),
  /** The full set of tasks this one waits for (finish-to-start). */
  dependsOn: vine.array(vine.string().uuid()).maxLength(100).distinct().optional(),
}

/** POST /api/projects/:id/tasks and the board's quick add. */
export const createTaskValidator = vine.compile(vine.object(taskFields))

/** PATCH /api/tasks/:id: any subset; `position` is 0-based in the (new) status column. */
export const updateTaskValidator = vine.compile(
  vine.object({
    ...taskFields,
    title: taskFields.title.optional(),
    position: vine.number().withoutDecimals().min(0).max(1_000_000).optional(),
  })
)

const TASK_SORTS = ['title', 'status', 'priority', 'dueDate', 'createdAt', 'position'] as const

/** The list view's and GET /api/projects/:id/tasks' query string. */
export const listTasksValidator = vine.compile(
  vine.object({
    status: vine.enum(TASK_STATUSES).optional(),
    priority: vine.enum(TASK_PRIORITIES).optional(),
    assigneeId: vine.string().uuid().optional(),
    milestoneId: vine.string().uuid().optional(),
    dueBefore: date().optional(),
    sort: vine.enum(TASK_SORTS).optional(),
    direction: vine.enum(['asc', 'desc'] as const).optional(),
    page: vine.number().withoutDecimals().min(1).max(100_000).optional(),
    perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
  })
)

export const commentValidator = vine.compile(vine.object({ body: vine.string().trim().minLength(1).maxLength(10_000) }))

export const createChecklistItemValidator = vine.compile(vine.object({ label: vine.string().trim().minLength(1).maxLength(300) }))

export const updateChecklistItemValidator = vine.compile(
  vine.object({ label: vine.string().trim().minLength(1).maxLength(300).optional(), done: vine.boolean().optional() })
)
