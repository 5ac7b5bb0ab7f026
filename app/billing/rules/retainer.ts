/**
 * Retainer periods and the drawdown of their hours, as pure functions.
 *
 * Periods run from the project's start date, one or three calendar months
 * each (counted from the start every time, so a start on the 31st gives
 * periods ending on the 30th or the last day of February — never drifting).
 *
 * Drawdown: a period's hours are used first from its own included hours,
 * then from hours rolled over from earlier periods, oldest first; what is
 * still left is overage. The included hours a period leaves unused roll over
 * for at most `rolloverPeriods` later periods (0 = no rollover).
 */
import { DateTime } from 'luxon'

export type RetainerCadence = 'monthly' | 'quarterly'

export interface RetainerPeriodDates {
  index: number
  start: string
  end: string
}

const MONTHS: Record<RetainerCadence, number> = { monthly: 1, quarterly: 3 }

function periodStart(startDate: string, cadence: RetainerCadence, index: number): string {
  return DateTime.fromISO(startDate, { zone: 'utc' })
    .plus({ months: MONTHS[cadence] * index })
    .toISODate()!
}

/** Periods that have ended before `today` (a period ending yesterday is over), oldest first. */
export function endedPeriods(startDate: string, cadence: RetainerCadence, today: string, limit = 600): RetainerPeriodDates[] {
  const periods: RetainerPeriodDates[] = []
  for (let index = 0; index < limit; index++) {
    const start = periodStart(startDate, cadence, index)
    const end = DateTime.fromISO(periodStart(startDate, cadence, index + 1), { zone: 'utc' }).minus({ days: 1 }).toISODate()!
    if (end >= today) break
    periods.push({ index, start, end })
  }
  return periods
}

export interface PeriodUsage {
  includedSeconds: number
  usedSeconds: number
}

export interface PeriodDrawdown extends PeriodUsage {
  /** Unused hours carried into this period from earlier ones. */
  rolledOverSeconds: number
  /** Drawn from the rolled-over hours. */
  fromRolloverSeconds: number
  overageSeconds: number
}

/** The drawdown of every period in order (each entry: that period's included and used seconds). */
export function drawdown(periods: PeriodUsage[], rolloverPeriods: number): PeriodDrawdown[] {
  let buckets: Array<{ index: number; remaining: number }> = []
  return periods.map((period, index) => {
    buckets = buckets.filter((bucket) => index - bucket.index <= rolloverPeriods && bucket.remaining > 0)
    const rolledOverSeconds = buckets.reduce((total, bucket) => total + bucket.remaining, 0)
    const fromIncluded = Math.min(period.usedSeconds, period.includedSeconds)
    let excess = period.usedSeconds - fromIncluded
    let fromRolloverSeconds = 0
    for (const bucket of buckets) {
      const take = Math.min(bucket.remaining, excess)
      bucket.remaining -= take
      excess -= take
      fromRolloverSeconds += take
    }
    const unused = period.includedSeconds - fromIncluded
    if (rolloverPeriods > 0 && unused > 0) buckets.push({ index, remaining: unused })
    return { ...period, rolledOverSeconds, fromRolloverSeconds, overageSeconds: excess }
  })
}

/** "40 h", "12.5 h", "7 h 20 min" — for line descriptions. */
export function hoursLabel(seconds: number): string {
  const minutes = Math.round(seconds / 60)
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest ? `${hours} h ${rest} min` : `${hours} h`
}
