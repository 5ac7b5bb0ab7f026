/** Small exact arithmetic for reports: whole percentages and range lengths, no floats in money. */
import { DateTime } from 'luxon'

/** Days from `from` to `to`, both included ('YYYY-MM-DD', the agency's calendar). */
export function daysInRange(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days) + 1
}

/** part / whole as a whole percent, rounded half away from zero; null when whole is not positive. */
export function wholePercent(part: number, whole: number): number | null {
  if (whole <= 0) return null
  const numerator = BigInt(Math.abs(part)) * 100n
  const rounded = Number((numerator * 2n + BigInt(whole)) / (BigInt(whole) * 2n))
  return part < 0 ? -rounded : rounded
}
