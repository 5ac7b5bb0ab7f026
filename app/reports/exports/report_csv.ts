/**
 * The reports as CSV: the same DTOs the page and the API show, money as
 * decimal strings in major units (from integer minor units), hours with two
 * decimals, and typed text guarded against spreadsheet formulas.
 */
import { stringify } from 'csv-stringify/sync'
import type { ProfitabilityDto } from '#reports/dtos/profitability'
import type { UtilizationDto } from '#reports/dtos/utilization'
import { wholePercent } from '#reports/rules/numbers'
import { decimalHours, minorToMajor, textCell } from '#core/public/spreadsheet_cells'

export const PROFITABILITY_COLUMNS = [
  'project',
  'client',
  'currency',
  'revenue_invoiced',
  'revenue_paid',
  'cost_time',
  'cost_expenses',
  'cost',
  'margin',
  'margin_percent',
  'budget',
  'spent',
  'burn_percent',
]

export const UTILIZATION_COLUMNS = [
  'member',
  'logged_hours',
  'billable_hours',
  'capacity_hours',
  'utilization_percent',
  'billable_utilization_percent',
  'flag',
]

export { decimalHours, textCell }

/** Minor units → "1234.56" in the currency's own decimals. */
export function decimalMoney(minor: number, currency: string) {
  return minorToMajor(minor, currency)
}



const percent = (value: number | null) => (value === null ? '' : String(value))

/** The summary's margin as a whole percent of revenue invoiced, as the page shows it. */
export function summaryMarginPercent(report: ProfitabilityDto) {
  return wholePercent(report.summary.margin, report.summary.revenueInvoiced)
}

export function profitabilityCsv(report: ProfitabilityDto) {
  const rows = report.projects.map((project) => {
    const money = (minor: number) => decimalMoney(minor, project.currency)
    return [
      textCell(project.name),
      textCell(project.clientName),
      project.currency,
      money(project.revenueInvoiced),
      money(project.revenuePaid),
      money(project.costTime),
      money(project.costExpenses),
      money(project.cost),
      money(project.margin),
      percent(project.marginPercent),
      project.budget === null ? '' : money(project.budget),
      money(project.spent),
      percent(project.burnPercent),
    ]
  })
  const { summary } = report
  const total = (minor: number) => decimalMoney(minor, summary.currency)
  rows.push([
    `Total (${summary.currency} projects)`,
    '',
    summary.currency,
    total(summary.revenueInvoiced),
    total(summary.revenuePaid),
    '',
    '',
    total(summary.cost),
    total(summary.margin),
    percent(summaryMarginPercent(report)),
    total(summary.totalBudget),
    total(summary.totalSpent),
    percent(wholePercent(summary.totalSpent, summary.totalBudget)),
  ])
  return stringify(rows, { header: true, columns: PROFITABILITY_COLUMNS })
}

export function utilizationCsv(report: UtilizationDto) {
  const rows = report.members.map((member) => [
    textCell(member.name),
    decimalHours(member.loggedSeconds),
    decimalHours(member.billableSeconds),
    decimalHours(member.capacitySeconds),
    percent(member.utilization),
    percent(member.billableUtilization),
    member.flag ?? '',
  ])
  const sum = (pick: (member: UtilizationDto['members'][number]) => number) => report.members.reduce((total, member) => total + pick(member), 0)
  const billable = sum((member) => member.billableSeconds)
  const capacity = sum((member) => member.capacitySeconds)
  rows.push([
    'Agency average',
    decimalHours(sum((member) => member.loggedSeconds)),
    decimalHours(billable),
    decimalHours(capacity),
    percent(report.agencyAvg),
    percent(wholePercent(billable, capacity)),
    '',
  ])
  return stringify(rows, { header: true, columns: UTILIZATION_COLUMNS })
}

export function reportFilename(kind: 'profitability' | 'utilization', range: { from: string; to: string }, extension: 'csv' | 'pdf') {
  return `${kind}-${range.from}_to_${range.to}.${extension}`
}
