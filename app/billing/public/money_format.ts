/** Money formatting for other modules (reports' CSV and PDF): integer minor units in, exact strings out. */
export { currencyDigits, formatMoney, minorToDecimal } from '#billing/rules/money_format'
export type { MoneyFormatOptions } from '#billing/rules/money_format'
