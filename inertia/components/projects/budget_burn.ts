import type { BudgetBurnDay } from '../../../app/projects/queries/budget_burn'

export type BurnMeasure = 'money' | 'hours'

/** "12.5 h" from seconds. */
export function formatHours(seconds: number) {
  return `${(seconds / 3600).toLocaleString(undefined, { maximumFractionDigits: 1 })} h`
}

/** 'YYYY-MM-DD' → "Mar 3", read as a calendar day wherever the reader is. */
export function formatDay(date: string) {
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`))
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/**
 * The cumulative line: one point per calendar day from the first day with
 * spend to the last, days without spend carrying the total on (so the x axis
 * is time, not a list of busy days).
 */
export function burnLine(days: BudgetBurnDay[], measure: BurnMeasure): Array<{ date: string; cumulative: number }> {
  if (!days.length) return []
  const byDate = new Map(days.map((day) => [day.date, measure === 'money' ? day.cumulativeCents : day.cumulativeSeconds]))
  const points: Array<{ date: string; cumulative: number }> = []
  let cumulative = 0
  for (let date = days[0].date; date <= days.at(-1)!.date; date = nextDay(date)) {
    cumulative = byDate.get(date) ?? cumulative
    points.push({ date, cumulative })
  }
  return points
}
