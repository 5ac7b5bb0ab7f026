import { toMajorUnits, toMinorUnits } from '~/lib/format'
import type { ProjectDetailDto } from '../../../app/projects/dtos/project'

/** The project form's fields as typed: money in major units, hours as decimals, '' for none. */
export function projectFormFields(currency: string, project?: ProjectDetailDto) {
  const major = (amount: number | null | undefined) => (amount === null || amount === undefined ? '' : toMajorUnits(amount, currency))
  const text = (value: number | string | null | undefined) => (value === null || value === undefined ? '' : String(value))
  return {
    name: project?.name ?? '',
    description: project?.description ?? '',
    billingType: project?.billingType ?? 'hourly',
    billableByDefault: project?.billableByDefault ?? true,
    serviceType: project?.serviceType ?? '',
    budget: major(project?.budget),
    budgetHours: text(project?.budgetHours),
    hourlyRate: major(project?.hourlyRate),
    startDate: project?.startDate ?? '',
    deadline: project?.deadline ?? '',
    retainerAmount: major(project?.retainer.amount),
    retainerPeriod: project?.retainer.period ?? 'monthly',
    retainerIncludedHours: text(project?.retainer.includedHours),
    retainerRolloverPeriods: text(project?.retainer.rolloverPeriods ?? 0),
    overageRate: major(project?.retainer.overageRate),
  }
}

export type ProjectFormFields = ReturnType<typeof projectFormFields>

/** What the server validates: minor units, null for cleared fields, retainer fields only for retainers. */
export function toProjectPayload(fields: ProjectFormFields, currency: string) {
  const minor = (typed: string) => toMinorUnits(typed, currency)
  const orNull = (typed: string) => (typed.trim() === '' ? null : typed)
  const retainer = fields.billingType === 'retainer'
  return {
    name: fields.name,
    description: fields.description,
    billingType: fields.billingType,
    billableByDefault: fields.billableByDefault,
    serviceType: orNull(fields.serviceType),
    budget: minor(fields.budget),
    budgetHours: orNull(fields.budgetHours),
    hourlyRate: minor(fields.hourlyRate),
    startDate: orNull(fields.startDate),
    deadline: orNull(fields.deadline),
    retainerAmount: retainer ? minor(fields.retainerAmount) : null,
    retainerPeriod: retainer ? fields.retainerPeriod : null,
    retainerIncludedHours: retainer ? orNull(fields.retainerIncludedHours) : null,
    retainerRolloverPeriods: retainer ? (orNull(fields.retainerRolloverPeriods) ?? 0) : 0,
    overageRate: retainer ? minor(fields.overageRate) : null,
  }
}
