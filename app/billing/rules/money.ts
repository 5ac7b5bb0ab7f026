/**
 * Money arithmetic on integer minor units, exact: BigInt in the middle,
 * rounding half-up exactly once where a figure is written down (a line, the
 * tax). Never a float.
 */

/** a × b / c rounded half-up, for non-negative a, b and positive c. */
export function mulDivHalfUp(a: number | bigint, b: number | bigint, c: number | bigint): number {
  const numerator = BigInt(a) * BigInt(b)
  const divisor = BigInt(c)
  if (numerator < 0n) return -mulDivHalfUp(-BigInt(a), BigInt(b), divisor)
  const result = (numerator * 2n + divisor) / (divisor * 2n)
  return Number(result)
}

/** The amount of `seconds` of work at `ratePerHourCents`, rounded half-up once. */
export function timeAmount(seconds: number, ratePerHourCents: number): number {
  return mulDivHalfUp(seconds, ratePerHourCents, 3600)
}

/** Tax on a subtotal at a rate in basis points (20 % = 2000), rounded half-up once. */
export function taxAmount(subtotalCents: number, rateBasisPoints: number): number {
  return mulDivHalfUp(subtotalCents, rateBasisPoints, 10_000)
}

/** An expense with its markup (basis points: 10 % = 1000), rounded half-up once. */
export function withMarkup(amountCents: number, markupBasisPoints: number): number {
  return mulDivHalfUp(amountCents, 10_000 + markupBasisPoints, 10_000)
}

/** quantity (thousandths) × unit price, rounded half-up once. */
export function quantityAmount(quantityMilli: number, unitAmountCents: number): number {
  return mulDivHalfUp(quantityMilli, unitAmountCents, 1000)
}

export function sum(values: number[]): number {
  return Number(values.reduce((total, value) => total + BigInt(value), 0n))
}

/** A percentage as typed (20, 7.25) to basis points, without float error: "7.25" → 725. */
export function percentToBasisPoints(percent: number | string): number {
  const [whole, fraction = ''] = String(percent).split('.')
  return Number(whole) * 100 + Number((fraction + '00').slice(0, 2))
}
