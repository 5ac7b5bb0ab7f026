/** Values as CSV cells, exact and safe to open in a spreadsheet; every module's exports use these. */

/** Minor units as a decimal string in major units (`123456` EUR → `1234.56`), without floats. */
export function minorToMajor(amount: number, currency: string) {
  let digits = 2
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {}
  const sign = amount < 0 ? '-' : ''
  const units = String(Math.abs(amount)).padStart(digits + 1, '0')
  return digits ? `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}` : `${sign}${units}`
}

/** Seconds as hours with two decimals, rounded half-up in integers (5400 → "1.50", 1 → "0.00"). */
export function decimalHours(seconds: number) {
  const hundredths = Math.floor((seconds * 100 + 1800) / 3600)
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`
}

/**
 * Typed text as a spreadsheet cell: a leading = + - @ (or a tab or carriage
 * return) would make Excel or Sheets run it as a formula, so it is quoted with '.
 */
export function textCell(value: string | null | undefined) {
  const text = value ?? ''
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}
