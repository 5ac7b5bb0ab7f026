import { fieldError } from '#core/public/errors'
import { findStaff } from '#core/public/users'

/** The editable project fields, in storage units (minor units, seconds, 'YYYY-MM-DD'). */
export interface ProjectFields {
  name?: string
  description?: string | null
  billingType?: 'hourly' | 'fixed' | 'retainer'
  /** Whether time logged on the project is billable unless the person says otherwise. */
  billableByDefault?: boolean
  /** A category such as "Web design"; null clears it. */
  serviceType?: string | null
  budgetCents?: number | null
  budgetSeconds?: number | null
  hourlyRateCents?: number | null
  startDate?: string | null
  deadline?: string | null
  retainerAmountCents?: number | null
  retainerPeriod?: 'monthly' | 'quarterly' | null
  retainerIncludedSeconds?: number | null
  retainerRolloverPeriods?: number
  overageRateCents?: number | null
}

/** Rules across fields, checked on the merged result so a PATCH of one date is checked against the other. */
export function assertConsistent(project: { startDate: string | null; deadline: string | null; billingType: string; retainerAmountCents: number | null; retainerPeriod: string | null }) {
  if (project.startDate && project.deadline && project.deadline < project.startDate) {
    fieldError('deadline', 'The deadline cannot be before the start date')
  }
  if (project.billingType === 'retainer' && (project.retainerAmountCents === null || !project.retainerPeriod)) {
    fieldError(project.retainerAmountCents === null ? 'retainerAmount' : 'retainerPeriod', 'A retainer needs an amount and a period')
  }
}

/** Project managers must be owners or managers of the agency: members cannot run projects. */
export async function assertCanManage(userId: string, field: string) {
  const staff = await findStaff(userId)
  if (!staff || !staff.isActive) fieldError(field, 'Choose an active person of your agency')
  if (staff.role === 'member') fieldError(field, `${staff.name} is a member: only owners and managers can manage a project`)
}
