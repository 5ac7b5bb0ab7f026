/**
 * Money for people to read, from integer minor units: the currency's own
 * number of decimals (USD 2, JPY 0, KWD 3) as Intl knows it, and the amount
 * handed to Intl as an exact decimal string — never a float division.
 */
const formatters = new Map<string, Intl.NumberFormat>()

function formatter(currency: string, locale: string, display: 'symbol' | 'code') {
  const key = `${locale}|${currency}|${display}`
  let found = formatters.get(key)
  if (!found) {
    found = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display })
    formatters.set(key, found)
  }
  return found
}

/** How many decimals the currency's minor unit has (JPY 0, USD 2, KWD 3). */
export function currencyDigits(currency: string): number {
  return formatter(currency, 'en-US', 'symbol').resolvedOptions().maximumFractionDigits ?? 2
}

/** 123456 minor units with 2 digits → "1234.56" (exact, for any size). */
export function minorToDecimal(minor: number | bigint, digits: number): string {
  const value = BigInt(minor)
  const negative = value < 0n
  const absolute = (negative ? -value : value).toString().padStart(digits + 1, '0')
  const whole = digits ? absolute.slice(0, -digits) : absolute
  const fraction = digits ? `.${absolute.slice(-digits)}` : ''
  return `${negative ? '-' : ''}${whole}${fraction}`
}

export interface MoneyFormatOptions {
  locale?: string
  /** 'code' writes "USD 1,234.50" — for fonts without the currency's symbol. */
  display?: 'symbol' | 'code'
}

/** 123450 USD → "$1,234.50"; 1235 JPY → "¥1,235". */
export function formatMoney(minor: number | bigint, currency: string, options: MoneyFormatOptions = {}): string {
  const nf = formatter(currency, options.locale ?? 'en-US', options.display ?? 'symbol')
  // Intl formats decimal strings exactly (no float in between).
  return nf.format(minorToDecimal(minor, currencyDigits(currency)) as unknown as number)
}
