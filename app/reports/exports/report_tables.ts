/**
 * The reports beyond profitability-by-project and utilization, described
 * once as generic tables (`report_table.ts`) for both the CSV and the PDF,
 * from the very DTOs the API answers.
 */
import { DateTime } from 'luxon'
import type { ProfitabilityBreakdownDto, ProjectDrilldownDto } from '#reports/dtos/breakdowns'
import type { CapacityDto } from '#reports/dtos/capacity'
import type { PipelineDto, ReceivablesDto, RevenueDto } from '#reports/dtos/insights'
import type { ReportTable } from '#reports/exports/report_table'

const money = (minor: number | null, currency: string) => ({ money: minor, currency })
const right = { align: 'right' as const }

const GROUP_LABELS = { client: 'Client', member: 'Member', service: 'Service type' } as const

export function profitabilityBreakdownTable(report: ProfitabilityBreakdownDto): ReportTable {
  const m = (minor: number | null) => money(minor, report.currency)
  const label = GROUP_LABELS[report.groupBy]
  return {
    kind: `profitability-by-${report.groupBy}`,
    title: `Profitability by ${label.toLowerCase()}`,
    range: report,
    sections: [
      {
        columns: [
          { key: report.groupBy, label, weight: 3 },
          { key: 'currency', label: 'Currency', weight: 0.8 },
          { key: 'revenue_invoiced', label: report.groupBy === 'member' ? 'Billable value' : 'Invoiced', ...right },
          { key: 'revenue_paid', label: 'Paid', ...right },
          { key: 'cost', label: 'Cost', ...right },
          { key: 'margin', label: 'Margin', ...right },
          { key: 'margin_percent', label: 'Margin %', weight: 0.8, ...right },
        ],
        rows: report.rows.map((row) => [
          row.label,
          report.currency,
          m(row.revenueInvoiced),
          m(row.revenuePaid),
          m(row.cost),
          m(row.margin),
          { percent: row.marginPercent },
        ]),
        total: [
          `Total (${report.currency} projects)`,
          report.currency,
          m(report.summary.revenueInvoiced),
          m(report.summary.revenuePaid),
          m(report.summary.cost),
          m(report.summary.margin),
          { percent: report.summary.marginPercent },
        ],
        empty: 'No rows',
      },
    ],
    note:
      report.groupBy === 'member'
        ? 'A member’s revenue is the billable value of their time in the range (billable time × the rate frozen on each entry, invoiced or not); cost is all their time × its frozen cost rate. Payments and expenses are not attributed to people.'
        : `Sums of the ${report.currency} projects: revenue invoiced (net of tax, less credit notes) and paid in the range; cost is time at its frozen cost rate plus approved expenses at cost.`,
  }
}

export function drilldownTable(report: ProjectDrilldownDto): ReportTable {
  const m = (minor: number) => money(minor, report.project.currency)
  return {
    kind: `project-members-${report.project.id}`,
    title: `${report.project.name} — by member`,
    range: report,
    sections: [
      {
        columns: [
          { key: 'member', label: 'Member', weight: 3 },
          { key: 'currency', label: 'Currency', weight: 0.8 },
          { key: 'hours', label: 'Hours', ...right },
          { key: 'billable_hours', label: 'Billable hours', ...right },
          { key: 'cost', label: 'Cost', ...right },
          { key: 'billable_value', label: 'Billable value', ...right },
        ],
        rows: report.members.map((member) => [
          member.name,
          report.project.currency,
          { hours: member.seconds },
          { hours: member.billableSeconds },
          m(member.cost),
          m(member.billableValue),
        ]),
        total: [
          'Total',
          report.project.currency,
          { hours: report.totals.seconds },
          { hours: report.totals.billableSeconds },
          m(report.totals.cost),
          m(report.totals.billableValue),
        ],
        empty: 'No time in the range',
      },
    ],
    note: `Client: ${report.project.clientName ?? '—'}. Cost is time × its frozen cost rate; billable value is billable time × its frozen billable rate, each rounded once per member.`,
  }
}

export function capacityTable(report: CapacityDto): ReportTable {
  const rows = report.members.flatMap((member) =>
    member.weeks.map((week) => [
      member.name,
      week.weekStart,
      { hours: week.allocatedSeconds },
      { hours: week.capacitySeconds },
      { flag: week.overbooked, text: 'Overbooked' },
      week.projects.map((project) => `${project.name} ${(project.seconds / 3600).toFixed(2)} h`).join('; '),
    ])
  )
  const last = report.weekStarts[report.weekStarts.length - 1]
  return {
    kind: 'capacity',
    title: 'Capacity',
    range: report.weekStarts.length ? { from: report.weekStarts[0], to: DateTime.fromISO(last, { zone: 'utc' }).plus({ days: 6 }).toISODate()! } : null,
    sections: [
      {
        columns: [
          { key: 'member', label: 'Member', weight: 2 },
          { key: 'week_start', label: 'Week of', weight: 1 },
          { key: 'allocated_hours', label: 'Allocated (h)', ...right },
          { key: 'capacity_hours', label: 'Capacity (h)', ...right },
          { key: 'overbooked', label: 'Overbooked', weight: 1 },
          { key: 'projects', label: 'Projects', weight: 4 },
        ],
        rows,
        empty: 'No people',
      },
    ],
    note: 'Allocated = weekly allocations on active projects whose dates overlap the week; overbooked when allocated exceeds capacity.',
  }
}

export function pipelineTable(report: PipelineDto): ReportTable {
  const m = (minor: number) => money(minor, report.currency)
  const rows = report.months.map((month) => [month.month, m(month.weighted), m(month.total), { count: month.deals }])
  if (report.noDate.deals) rows.push(['No close date', m(report.noDate.weighted), m(report.noDate.total), { count: report.noDate.deals }])
  return {
    kind: 'pipeline',
    title: 'Pipeline forecast',
    range: null,
    subtitle: 'Open deals by expected close month',
    sections: [
      {
        columns: [
          { key: 'month', label: 'Expected close', weight: 2 },
          { key: 'weighted', label: 'Weighted', ...right },
          { key: 'total', label: 'Total value', ...right },
          { key: 'deals', label: 'Deals', ...right },
        ],
        rows,
        total: ['Total', m(report.totalWeighted), m(report.total), { count: report.deals }],
        empty: 'No open deals',
      },
    ],
    note: `Weighted = Σ value × probability, rounded once per month and once for the total (${report.currency}).`,
  }
}

export function revenueTable(report: RevenueDto): ReportTable {
  const m = (minor: number) => money(minor, report.currency)
  return {
    kind: 'revenue',
    title: 'Revenue by month',
    range: report,
    sections: [
      {
        columns: [
          { key: 'month', label: 'Month', weight: 2 },
          { key: 'invoiced', label: 'Invoiced', ...right },
          { key: 'paid', label: 'Paid', ...right },
        ],
        rows: report.months.map((month) => [month.month, m(month.invoiced), m(month.paid)]),
        total: ['Total', m(report.totals.invoiced), m(report.totals.paid)],
      },
    ],
    note: 'Net of tax: invoiced by issue date less credit notes by their date (void excluded); paid by the ledger day in the agency’s time zone.',
  }
}

export function receivablesTable(report: ReceivablesDto): ReportTable {
  const m = (minor: number) => money(minor, report.currency)
  const bucketCount = report.buckets.reduce((total, bucket) => total + bucket.count, 0)
  return {
    kind: `receivables-${report.today}`,
    title: 'Receivables',
    range: null,
    subtitle: `As of ${DateTime.fromISO(report.today, { zone: 'utc' }).toFormat('d LLL yyyy')}`,
    sections: [
      {
        heading: 'Overdue by days past due',
        columns: [
          { key: 'bucket', label: 'Days past due', weight: 2 },
          { key: 'invoices', label: 'Invoices', ...right },
          { key: 'amount', label: 'Amount due', ...right },
        ],
        rows: report.buckets.map((bucket) => [bucket.label, { count: bucket.count }, m(bucket.amount)]),
        total: ['Overdue', { count: bucketCount }, m(report.overdue)],
      },
      {
        heading: 'Invoices',
        columns: [
          { key: 'invoice', label: 'Invoice', weight: 1.2 },
          { key: 'client', label: 'Client', weight: 2 },
          { key: 'currency', label: 'Currency', weight: 0.8 },
          { key: 'issue_date', label: 'Issued' },
          { key: 'due_date', label: 'Due' },
          { key: 'total', label: 'Total', ...right },
          { key: 'paid', label: 'Paid', ...right },
          { key: 'due', label: 'Due amount', ...right },
          { key: 'days_past_due', label: 'Days past due', ...right },
          { key: 'overdue', label: 'Overdue', weight: 0.8 },
        ],
        rows: report.invoices.map((invoice) => [
          invoice.number,
          invoice.clientName,
          invoice.currency,
          invoice.issueDate,
          invoice.dueDate,
          money(invoice.total, invoice.currency),
          money(invoice.paid, invoice.currency),
          money(invoice.due, invoice.currency),
          { count: invoice.daysPastDue },
          { flag: invoice.overdue, text: 'Overdue' },
        ]),
        total: [`Outstanding (${report.currency})`, null, report.currency, null, null, null, null, m(report.outstanding), null, null],
        empty: 'Nothing outstanding',
      },
    ],
  }
}
