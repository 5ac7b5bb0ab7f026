/**
 * One generic report table → CSV and PDF. Each report describes its columns
 * and typed cells once (money in minor units, seconds, percents, counts,
 * text); the CSV writes money as decimal strings and hours with two decimals
 * (text guarded against formulas), the PDF formats the same values for
 * reading. A table may hold several sections (receivables: ageing buckets,
 * then invoices); in the CSV they follow each other, separated by a blank line.
 */
import { stringify } from 'csv-stringify/sync'
import { decimalHours, decimalMoney, textCell } from '#reports/exports/report_csv'
import { pdfMoney, renderTablePdf, type ReportPdfContext } from '#reports/exports/report_pdf'

export type Cell =
  | string
  | null
  | { money: number | null; currency: string }
  | { hours: number }
  | { percent: number | null }
  | { count: number }
  | { flag: boolean; text: string }

export interface TableColumn {
  /** CSV header */
  key: string
  /** PDF header */
  label: string
  /** relative width in the PDF (1 by default) */
  weight?: number
  align?: 'left' | 'right'
}

export interface TableSection {
  heading?: string
  columns: TableColumn[]
  rows: Cell[][]
  /** a final bold row (totals, averages) */
  total?: Cell[]
  /** what the PDF writes when there are no rows */
  empty?: string
}

export interface ReportTable {
  /** file name stem and PDF title */
  kind: string
  title: string
  range: { from: string; to: string } | null
  /** the PDF's subtitle when there is no range (e.g. "As of 1 Dec 2026") */
  subtitle?: string
  sections: TableSection[]
  note?: string
}

function csvCell(cell: Cell): string {
  if (cell === null) return ''
  if (typeof cell === 'string') return textCell(cell)
  if ('money' in cell) return cell.money === null ? '' : decimalMoney(cell.money, cell.currency)
  if ('hours' in cell) return decimalHours(cell.hours)
  if ('percent' in cell) return cell.percent === null ? '' : String(cell.percent)
  if ('count' in cell) return String(cell.count)
  return cell.flag ? 'yes' : 'no'
}

function pdfCell(cell: Cell): string {
  if (cell === null) return '—'
  if (typeof cell === 'string') return cell
  if ('money' in cell) return cell.money === null ? '—' : pdfMoney(cell.money, cell.currency)
  if ('hours' in cell) return decimalHours(cell.hours)
  if ('percent' in cell) return cell.percent === null ? '—' : `${cell.percent} %`
  if ('count' in cell) return String(cell.count)
  return cell.flag ? cell.text : ''
}

export function tableCsv(table: ReportTable) {
  return table.sections
    .map((section) => {
      const rows = section.rows.map((row) => row.map(csvCell))
      if (section.total) rows.push(section.total.map(csvCell))
      return stringify(rows, { header: true, columns: section.columns.map((column) => column.key) })
    })
    .join('\n')
}

export function tablePdf(table: ReportTable, context: ReportPdfContext) {
  return renderTablePdf(table.title, context, table.range, table.subtitle, (pdf) => {
    table.sections.forEach((section, index) => {
      if (section.heading) pdf.heading(section.heading, index > 0)
      const weights = section.columns.reduce((total, column) => total + (column.weight ?? 1), 0)
      pdf.header(section.columns.map((column) => ({ label: column.label, align: column.align, width: (pdf.width * (column.weight ?? 1)) / weights })))
      for (const row of section.rows) pdf.row(row.map(pdfCell))
      if (!section.rows.length) pdf.row([section.empty ?? 'Nothing to show'])
      if (section.total) pdf.row(section.total.map(pdfCell), { bold: true })
    })
    if (table.note) pdf.note(table.note)
  })
}

export function tableFilename(table: ReportTable, extension: 'csv' | 'pdf') {
  return table.range ? `${table.kind}-${table.range.from}_to_${table.range.to}.${extension}` : `${table.kind}.${extension}`
}
