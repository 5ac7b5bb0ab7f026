// Formatting happens only at the edge (here), from ISO strings and integer minor units.

const dateFormat: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }
const dateTimeFormat: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(undefined, dateFormat).format(new Date(iso))
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, dateTimeFormat).format(new Date(iso))
}

/** Fraction digits of a currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD). */
function fractionDigits(currency: string) {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
}

/** Minor units → a decimal string in major units, exactly (no float division). */
export function toMajorUnits(amount: number, currency: string) {
  const digits = fractionDigits(currency)
  const sign = amount < 0 ? '-' : ''
  const units = String(Math.abs(amount)).padStart(digits + 1, '0')
  return digits ? `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}` : `${sign}${units}`
}

/** "€1,234.56" in the reader's locale, from minor units and an ISO 4217 code. */
export function formatMoney(amount: number, currency: string) {
  // Intl formats a decimal string exactly (ES2023 NumberFormat v3).
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(toMajorUnits(amount, currency) as unknown as number)
}

/**
 * What someone typed in major units ("25,000.50") → integer minor units,
 * exactly (no float arithmetic). Anything else is passed on as typed, so the
 * server answers it with a clear 422 on `value`.
 */
export function toMinorUnits(typed: string | number | null | undefined, currency: string): number | string | null {
  const text = String(typed ?? '').replace(/[\s,_]/g, '')
  if (text === '') return null
  const digits = fractionDigits(currency)
  const match = text.match(digits ? new RegExp(`^(\\d+)(?:\\.(\\d{0,${digits}}))?$`) : /^(\d+)$/)
  if (!match) return text
  return Number(match[1] + (match[2] ?? '').padEnd(digits, '0'))
}

/** A DATE (YYYY-MM-DD) for people, read as a calendar day wherever the reader is. */
export function formatCloseDate(date: string) {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))
}

/** "2026-12" → "Dec 2026". */
export function formatMonth(month: string) {
  return new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`))
}
