import PDFDocument from 'pdfkit'
import { DateTime } from 'luxon'
import { formatMoney } from '#billing/rules/money_format'

/** Everything printed on an invoice, as plain data (money in minor units of `currency`). */
export interface InvoicePdfData {
  agency: { name: string; brandColor: string }
  invoice: {
    number: string
    status: string
    currency: string
    issueDate: string
    dueDate: string
    periodFrom: string | null
    periodTo: string | null
    subtotal: number
    taxRateBasisPoints: number
    tax: number
    total: number
    amountPaid: number
    amountRefunded: number
    amountDue: number
    notes: string | null
    terms: string | null
  }
  billTo: { companyName: string; contactName: string | null; email: string | null }
  lines: Array<{ kind: string; description: string; quantitySeconds: number | null; quantityMilli: number | null; unitAmount: number; amount: number }>
  paymentUrl: string | null
  paymentInstructions: string | null
}

const PAGE = { size: 'A4' as const, margin: 50 }
const INK = '#18181b'
const MUTED = '#71717a'
const RULE = '#e4e4e7'
const DEFAULT_BRAND = '#4f46e5'

/**
 * The standard PDF fonts only carry WinAnsi (Latin-1 plus €, £, ¥…): a symbol
 * outside it (₹, ₩, ₺…) is written as the ISO code instead of a blank box.
 */
function printable(text: string) {
  // WinAnsi's extra glyphs beyond Latin-1.
  return [...text].every((char) => char.charCodeAt(0) <= 0xff || '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.includes(char))
}

function money(minor: number, currency: string) {
  const withSymbol = formatMoney(minor, currency)
  return printable(withSymbol) ? withSymbol : formatMoney(minor, currency, { display: 'code' })
}

function date(iso: string) {
  return DateTime.fromISO(iso).toFormat('d LLL yyyy')
}

function brand(color: string) {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : DEFAULT_BRAND
}

/** Black or white, whichever reads better on the brand colour. */
function onBrand(color: string) {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16) / 255)
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return luminance > 0.6 ? INK : '#ffffff'
}

function quantity(line: InvoicePdfData['lines'][number]) {
  if (line.quantitySeconds !== null) {
    const hours = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(line.quantitySeconds / 3600)
    return `${hours} h`
  }
  if (line.quantityMilli !== null) {
    return new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(line.quantityMilli / 1000)
  }
  return ''
}

function rate(line: InvoicePdfData['lines'][number], currency: string) {
  if (line.kind === 'discount') return ''
  return line.quantitySeconds !== null ? `${money(line.unitAmount, currency)} / h` : money(line.unitAmount, currency)
}

/** Renders the invoice to a PDF (A4, standard fonts), with the logo when one is given (PNG or JPEG). */
export function renderInvoicePdf(data: InvoicePdfData, logo: Buffer | null = null): Promise<Buffer> {
  const doc = new PDFDocument({
    size: PAGE.size,
    margin: PAGE.margin,
    bufferPages: true,
    info: { Title: `Invoice ${data.invoice.number}`, Author: data.agency.name, Subject: `Invoice ${data.invoice.number} for ${data.billTo.companyName}` },
  })
  const chunks: Buffer[] = []
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const { invoice } = data
  const color = brand(data.agency.brandColor)
  const left = PAGE.margin
  const right = doc.page.width - PAGE.margin
  const width = right - left
  const bottom = () => doc.page.height - PAGE.margin - 30

  // Brand band and header: logo or agency name on the left, title and number on the right.
  doc.rect(0, 0, doc.page.width, 8).fill(color)
  let headerBottom = 60
  let logoDrawn = false
  if (logo) {
    try {
      doc.image(logo, left, 40, { fit: [160, 56] })
      logoDrawn = true
      headerBottom = 100
    } catch {
      // Not a PNG/JPEG pdfkit can read: the name stands in for it.
    }
  }
  if (!logoDrawn) {
    doc.font('Helvetica-Bold').fontSize(20).fillColor(color).text(data.agency.name, left, 40, { width: width / 2 })
    headerBottom = Math.max(headerBottom, doc.y)
  }
  doc.font('Helvetica-Bold').fontSize(24).fillColor(INK).text('INVOICE', left + width / 2, 38, { width: width / 2, align: 'right' })
  doc.font('Helvetica').fontSize(11).fillColor(MUTED).text(invoice.number, left + width / 2, doc.y + 2, { width: width / 2, align: 'right' })
  if (invoice.status === 'void' || invoice.status === 'paid') {
    doc.font('Helvetica-Bold').fontSize(12).fillColor(invoice.status === 'void' ? '#dc2626' : '#16a34a')
    doc.text(invoice.status.toUpperCase(), left + width / 2, doc.y + 4, { width: width / 2, align: 'right' })
  }

  // From / Bill to / dates.
  let y = Math.max(headerBottom, doc.y) + 24
  const column = width / 3
  const block = (x: number, title: string, rows: string[]) => {
    doc.font('Helvetica-Bold').fontSize(8).fillColor(MUTED).text(title.toUpperCase(), x, y, { width: column - 10, characterSpacing: 0.5 })
    doc.font('Helvetica').fontSize(10).fillColor(INK)
    for (const row of rows) doc.text(row, x, doc.y + 2, { width: column - 10 })
    return doc.y
  }
  const ends = [
    block(left, 'From', [data.agency.name]),
    block(left + column, 'Bill to', [data.billTo.companyName, data.billTo.contactName, data.billTo.email].filter((row): row is string => Boolean(row))),
    block(left + 2 * column, 'Details', [
      `Issued: ${date(invoice.issueDate)}`,
      `Due: ${date(invoice.dueDate)}`,
      ...(invoice.periodFrom && invoice.periodTo ? [`Period: ${date(invoice.periodFrom)} – ${date(invoice.periodTo)}`] : []),
    ]),
  ]
  y = Math.max(...ends) + 28

  // Lines.
  const cols = [
    { title: 'Description', x: left + 8, w: width * 0.5 - 8, align: 'left' as const },
    { title: 'Hours / Qty', x: left + width * 0.5, w: width * 0.14, align: 'right' as const },
    { title: 'Rate', x: left + width * 0.64, w: width * 0.18, align: 'right' as const },
    { title: 'Amount', x: left + width * 0.82, w: width * 0.18 - 8, align: 'right' as const },
  ]
  const header = () => {
    doc.rect(left, y, width, 22).fill(color)
    doc.font('Helvetica-Bold').fontSize(9).fillColor(onBrand(color))
    for (const col of cols) doc.text(col.title, col.x, y + 7, { width: col.w, align: col.align })
    y += 28
  }
  header()
  doc.font('Helvetica').fontSize(10)
  for (const line of data.lines) {
    const cells = [line.description, quantity(line), rate(line, invoice.currency), money(line.amount, invoice.currency)]
    doc.font('Helvetica').fontSize(10)
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: cols[i].w }))) + 10
    if (y + height > bottom()) {
      doc.addPage()
      y = PAGE.margin
      header()
    }
    doc.fillColor(INK)
    cells.forEach((cell, i) => doc.text(cell, cols[i].x, y, { width: cols[i].w, align: cols[i].align }))
    y += height
    doc.moveTo(left, y - 5).lineTo(right, y - 5).lineWidth(0.5).strokeColor(RULE).stroke()
  }

  // Totals.
  const taxPercent = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(invoice.taxRateBasisPoints / 100)
  const totals: Array<[string, string, boolean]> = [
    ['Subtotal', money(invoice.subtotal, invoice.currency), false],
    [`Tax (${taxPercent} %)`, money(invoice.tax, invoice.currency), false],
    ['Total', money(invoice.total, invoice.currency), true],
    ['Amount paid', money(invoice.amountPaid, invoice.currency), false],
    ...(invoice.amountRefunded > 0 ? [['Refunded', money(invoice.amountRefunded, invoice.currency), false] as [string, string, boolean]] : []),
    ['Amount due', money(invoice.amountDue, invoice.currency), true],
  ]
  if (y + totals.length * 20 + 10 > bottom()) {
    doc.addPage()
    y = PAGE.margin
  }
  y += 6
  const labelX = left + width * 0.5
  for (const [label, value, strong] of totals) {
    doc.font(strong ? 'Helvetica-Bold' : 'Helvetica').fontSize(strong ? 11 : 10).fillColor(INK)
    doc.text(label, labelX, y, { width: width * 0.3, align: 'left' })
    doc.text(value, left + width * 0.7, y, { width: width * 0.3 - 8, align: 'right' })
    y += strong ? 22 : 18
  }

  // Payment, notes, terms: flowing text from here on (pdfkit breaks pages itself).
  const section = (title: string, body: string, link?: string) => {
    doc.x = left
    doc.moveDown(0.8)
    doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(title, left, undefined, { width })
    doc.font('Helvetica').fontSize(10).fillColor(link ? color : INK)
    doc.text(body, left, undefined, { width, ...(link ? { link, underline: true } : {}) })
  }
  doc.y = y + 8
  if (data.paymentUrl && invoice.amountDue > 0) {
    section('Pay online', data.paymentUrl, data.paymentUrl)
  } else if (data.paymentInstructions && invoice.amountDue > 0) {
    section('How to pay', data.paymentInstructions)
  }
  if (invoice.notes) section('Notes', invoice.notes)
  if (invoice.terms) section('Terms', invoice.terms)

  // Footer on every page.
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Written inside the bottom margin, which would otherwise start a new page.
    doc.page.margins.bottom = 0
    const footerY = doc.page.height - PAGE.margin + 10
    doc.font('Helvetica').fontSize(8).fillColor(MUTED)
    doc.text(`${data.agency.name} · Invoice ${invoice.number} · Page ${i - range.start + 1} of ${range.count}`, left, footerY, {
      width,
      align: 'center',
      lineBreak: false,
    })
  }
  doc.end()
  return finished
}
