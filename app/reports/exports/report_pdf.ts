/**
 * The reports as PDF (pdfkit, standard fonts): a landscape table with the
 * same figures as the page, a summary row, and the agency, range and
 * generation time in the heading.
 */
import PDFDocument from 'pdfkit'
import { DateTime } from 'luxon'
import { formatMoney } from '#billing/public/money_format'
import type { ProfitabilityDto } from '#reports/dtos/profitability'
import type { UtilizationDto } from '#reports/dtos/utilization'
import { decimalHours, summaryMarginPercent } from '#reports/exports/report_csv'
import { wholePercent } from '#reports/rules/numbers'

export interface ReportPdfContext {
  agencyName: string
  brandColor: string
  timezone: string
}

interface Column {
  label: string
  width: number
  align?: 'left' | 'right'
}

const INK = '#18181b'
const MUTED = '#71717a'
const RULE = '#e4e4e7'
const MARGIN = 40

/** The standard fonts carry WinAnsi only: a symbol outside it (₹, ₩…) is written as the ISO code. */
function printable(text: string) {
  return [...text].every((char) => char.charCodeAt(0) <= 0xff || '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.includes(char))
}

export function pdfMoney(minor: number, currency: string) {
  const withSymbol = formatMoney(minor, currency)
  return printable(withSymbol) ? withSymbol : formatMoney(minor, currency, { display: 'code' })
}

const pdfText = (text: string) => (printable(text) ? text : [...text].map((char) => (printable(char) ? char : '?')).join(''))
const percent = (value: number | null) => (value === null ? '—' : `${value} %`)
const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toFormat('d LLL yyyy')

function render(title: string, context: ReportPdfContext, range: { from: string; to: string }, draw: (table: Table) => void): Promise<Buffer> {
  return renderTablePdf(title, context, range, undefined, draw)
}

/** A titled landscape table; without a range the heading says `subtitle` (or nothing) before the generation time. */
export function renderTablePdf(
  title: string,
  context: ReportPdfContext,
  range: { from: string; to: string } | null,
  subtitle: string | undefined,
  draw: (table: Table) => void
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    info: { Title: range ? `${title} ${range.from} to ${range.to}` : title, Author: context.agencyName },
  })
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    const color = /^#[0-9a-f]{6}$/i.test(context.brandColor) ? context.brandColor : '#4f46e5'
    doc.font('Helvetica-Bold').fontSize(16).fillColor(color).text(pdfText(context.agencyName), MARGIN, MARGIN)
    doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text(title)
    const generated = DateTime.now().setZone(context.timezone).toFormat('d LLL yyyy HH:mm')
    const span = range ? `${day(range.from)} – ${day(range.to)} · ` : subtitle ? `${subtitle} · ` : ''
    doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(`${span}generated ${generated} (${context.timezone})`)
    doc.moveDown(1)
    draw(new Table(doc))
    doc.end()
  })
}

export class Table {
  #columns: Column[] = []
  constructor(private doc: PDFKit.PDFDocument) {}

  get width() {
    return this.doc.page.width - MARGIN * 2
  }

  header(columns: Column[]) {
    this.#columns = columns
    this.#row(columns.map((column) => column.label), { bold: true, muted: true })
  }

  row(cells: string[], options: { bold?: boolean } = {}) {
    if (this.doc.y > this.doc.page.height - MARGIN - 30) {
      this.doc.addPage()
      this.doc.y = MARGIN
      this.#row(this.#columns.map((column) => column.label), { bold: true, muted: true })
    }
    this.#row(cells, options)
  }

  #row(cells: string[], options: { bold?: boolean; muted?: boolean }) {
    const doc = this.doc
    const top = doc.y
    let x = MARGIN
    doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).fillColor(options.muted ? MUTED : INK)
    this.#columns.forEach((column, index) => {
      doc.text(pdfText(cells[index] ?? ''), x + 3, top + 5, { width: column.width - 6, align: column.align ?? 'left', lineBreak: false, ellipsis: true })
      x += column.width
    })
    doc.moveTo(MARGIN, top + 19).lineTo(MARGIN + this.width, top + 19).strokeColor(RULE).lineWidth(0.5).stroke()
    doc.x = MARGIN
    doc.y = top + 20
  }

  /** A section title above the next header (with space before it unless it opens the page). */
  heading(text: string, spaced: boolean) {
    if (spaced) this.doc.moveDown(1)
    if (this.doc.y > this.doc.page.height - MARGIN - 80) {
      this.doc.addPage()
      this.doc.y = MARGIN
    }
    this.doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text(pdfText(text), MARGIN, undefined, { width: this.width })
    this.doc.moveDown(0.3)
  }

  note(text: string) {
    this.doc.moveDown(1)
    this.doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(pdfText(text), MARGIN, undefined, { width: this.width })
  }
}

export function profitabilityPdf(report: ProfitabilityDto, context: ReportPdfContext) {
  return render('Profitability', context, report, (table) => {
    const money = { width: 70, align: 'right' as const }
    table.header([
      { label: 'Project', width: 130 },
      { label: 'Client', width: 90 },
      { label: 'Invoiced', ...money },
      { label: 'Paid', ...money },
      { label: 'Cost', ...money },
      { label: 'Margin', ...money },
      { label: 'Margin %', width: 50, align: 'right' },
      { label: 'Budget', ...money },
      { label: 'Spent to date', ...money },
      { label: 'Burn', width: table.width - 690, align: 'right' },
    ])
    for (const project of report.projects) {
      const m = (minor: number) => pdfMoney(minor, project.currency)
      table.row([
        project.name,
        project.clientName ?? '',
        m(project.revenueInvoiced),
        m(project.revenuePaid),
        m(project.cost),
        m(project.margin),
        percent(project.marginPercent),
        project.budget === null ? '—' : m(project.budget),
        m(project.spent),
        percent(project.burnPercent),
      ])
    }
    if (!report.projects.length) table.row(['No projects'])
    const { summary } = report
    const m = (minor: number) => pdfMoney(minor, summary.currency)
    table.row(
      [
        `Total (${summary.currency} projects)`,
        '',
        m(summary.revenueInvoiced),
        m(summary.revenuePaid),
        m(summary.cost),
        m(summary.margin),
        percent(summaryMarginPercent(report)),
        m(summary.totalBudget),
        m(summary.totalSpent),
        percent(wholePercent(summary.totalSpent, summary.totalBudget)),
      ],
      { bold: true }
    )
    table.note(
      'Revenue is what was invoiced (net of tax, less credit notes) and paid in the range; cost is time in the range at its frozen cost rate plus approved expenses at cost; margin = invoiced − cost. Budget is set against spend to date.'
    )
  })
}

export function utilizationPdf(report: UtilizationDto, context: ReportPdfContext) {
  return render('Utilization', context, report, (table) => {
    table.header([
      { label: 'Member', width: 222 },
      { label: 'Logged (h)', width: 90, align: 'right' },
      { label: 'Billable (h)', width: 90, align: 'right' },
      { label: 'Capacity (h)', width: 90, align: 'right' },
      { label: 'Utilization', width: 90, align: 'right' },
      { label: 'Billable util.', width: 90, align: 'right' },
      { label: 'Flag', width: table.width - 672 },
    ])
    const flags = { over: 'Over 100 %', under: `Under ${report.threshold} %` }
    for (const member of report.members) {
      table.row([
        member.name,
        decimalHours(member.loggedSeconds),
        decimalHours(member.billableSeconds),
        decimalHours(member.capacitySeconds),
        percent(member.utilization),
        percent(member.billableUtilization),
        member.flag ? flags[member.flag] : '',
      ])
    }
    if (!report.members.length) table.row(['No people'])
    const sum = (pick: (member: UtilizationDto['members'][number]) => number) => report.members.reduce((total, member) => total + pick(member), 0)
    const capacity = sum((member) => member.capacitySeconds)
    table.row(
      [
        'Agency average',
        decimalHours(sum((member) => member.loggedSeconds)),
        decimalHours(sum((member) => member.billableSeconds)),
        decimalHours(capacity),
        percent(report.agencyAvg),
        percent(wholePercent(sum((member) => member.billableSeconds), capacity)),
        '',
      ],
      { bold: true }
    )
    table.note(`Capacity is each person's weekly hours × the range's days / 7. Flags: over 100 %, under ${report.threshold} %.`)
  })
}
