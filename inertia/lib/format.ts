// Formatting happens only at the edge (here), from ISO strings and integer minor units.

const dateFormat: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }
const dateTimeFormat: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(undefined, dateFormat).format(new Date(iso))
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(undefined, dateTimeFormat).format(new Date(iso))
}

/** Minor units → a decimal string in major units, exactly (no float division). */
export function toMajorUnits(amount: number, currency: string) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  const sign = amount < 0 ? '-' : ''
  const units = String(Math.abs(amount)).padStart(digits + 1, '0')
  return digits ? `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}` : `${sign}${units}`
}

/** "€1,234.56" in the reader's locale, from minor units and an ISO 4217 code. */
export function formatMoney(amount: number, currency: string) {
  // Intl formats a decimal string exactly (ES2023 NumberFormat v3).
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(toMajorUnits(amount, currency) as unknown as number)
}
