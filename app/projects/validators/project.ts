import vine from '@vinejs/vine'
import { DateTime } from 'luxon'

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
const calendarDate = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value, { zone: 'utc' }).isValid) {
    field.report('Enter a date as YYYY-MM-DD', 'date', field)
  }
})

const date = () => vine.string().trim().use(calendarDate()).nullable().optional()
/** Minor units. */
const money = () => vine.number().withoutDecimals().min(0).max(10_000_000_000_000).nullable().optional()
/** Decimal hours, stored as seconds. */
const hours = () => vine.number().min(0).max(100_000).decimal([0, 2]).nullable().optional()

const fields = {
  name: vine.string().trim().minLength(1).maxLength(160),
  description: vine
    .string()
    .trim()
    .maxLength(10_000)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional(),
  billingType: vine.enum(['hourly', 'fixed', 'retainer'] as const).optional(),
  billableByDefault: vine.boolean().optional(),
  serviceType: vine
    .string()
    .trim()
    .maxLength(80)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional(),
  budget: money(),
  budgetHours: hours(),
  hourlyRate: money(),
  startDate: date(),
  deadline: date(),
  retainerAmount: money(),
  retainerPeriod: vine.enum(['monthly', 'quarterly'] as const).nullable().optional(),
  retainerIncludedHours: hours(),
  retainerRolloverPeriods: vine.number().withoutDecimals().min(0).max(24).optional(),
  overageRate: money(),
}

export const createProjectValidator = vine.compile(
  vine.object({
    ...fields,
    clientId: vine.string().uuid(),
    managerIds: vine.array(vine.string().uuid()).maxLength(20).optional(),
  })
)

export const updateProjectValidator = vine.compile(
  vine.object({
    ...fields,
    name: fields.name.optional(),
    status: vine.enum(['planning', 'active', 'on_hold', 'completed'] as const).optional(),
  })
)

const memberFields = {
  role: vine.enum(['manager', 'member'] as const),
  billableRate: money(),
  costRate: money(),
  weeklyHours: vine.number().min(0).max(168).decimal([0, 2]).nullable().optional(),
}

export const addMemberValidator = vine.compile(vine.object({ ...memberFields, userId: vine.string().uuid(), role: memberFields.role.optional() }))

export const updateMemberValidator = vine.compile(vine.object({ ...memberFields, role: memberFields.role.optional() }))

export const projectFiltersValidator = vine.compile(
  vine.object({
    status: vine.enum(['planning', 'active', 'on_hold', 'completed'] as const).optional(),
    clientId: vine.string().uuid().optional(),
    managerId: vine.string().uuid().optional(),
    sort: vine.enum(['created', 'deadline', 'burn'] as const).optional(),
  })
)

type ProjectInput = Partial<Awaited<ReturnType<(typeof updateProjectValidator)['validate']>>>

/** API/form units (minor units, decimal hours) → the action's storage units. */
export function projectFieldsFrom(input: ProjectInput) {
  const seconds = (hours: number | null | undefined) => (hours === undefined ? undefined : hours === null ? null : Math.round(hours * 3600))
  return {
    name: input.name,
    description: input.description,
    billingType: input.billingType,
    billableByDefault: input.billableByDefault,
    serviceType: input.serviceType,
    budgetCents: input.budget,
    budgetSeconds: seconds(input.budgetHours),
    hourlyRateCents: input.hourlyRate,
    startDate: input.startDate,
    deadline: input.deadline,
    retainerAmountCents: input.retainerAmount,
    retainerPeriod: input.retainerPeriod,
    retainerIncludedSeconds: seconds(input.retainerIncludedHours),
    retainerRolloverPeriods: input.retainerRolloverPeriods,
    overageRateCents: input.overageRate,
  }
}

type MemberInput = Partial<Awaited<ReturnType<(typeof updateMemberValidator)['validate']>>>

export function memberFieldsFrom(input: MemberInput) {
  return {
    role: input.role,
    billableRateCents: input.billableRate,
    costRateCents: input.costRate,
    weeklyAllocatedSeconds: input.weeklyHours === undefined ? undefined : input.weeklyHours === null ? null : Math.round(input.weeklyHours * 3600),
  }
}
