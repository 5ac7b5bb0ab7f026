import vine from '@vinejs/vine'
import { calendarDate } from '#core/public/validation'

const name = () => vine.string().trim().minLength(1).maxLength(160)
const description = () =>
  vine
    .string()
    .trim()
    .maxLength(10_000)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()

/** Save a project as a template. */
export const saveTemplateValidator = vine.compile(vine.object({ projectId: vine.string().uuid(), name: name(), description: description() }))

/** Rename / describe a template. */
export const updateTemplateValidator = vine.compile(vine.object({ name: name().optional(), description: description() }))

/** Create a project from a template: the project's own fields, with a start date every offset counts from. */
export const useTemplateValidator = vine.compile(
  vine.object({
    clientId: vine.string().uuid(),
    name: name(),
    description: description(),
    startDate: vine.string().trim().use(calendarDate()),
    budget: vine.number().withoutDecimals().min(0).max(10_000_000_000_000).nullable().optional(),
  })
)
