/** Calendar-day arithmetic for the Gantt: dates are 'YYYY-MM-DD', days are whole numbers since 1970-01-01 (UTC). */
const MS_PER_DAY = 86_400_000

export type Zoom = 'day' | 'week' | 'month'

/** Pixels per day at each zoom. */
export const DAY_WIDTH: Record<Zoom, number> = { day: 32, week: 14, month: 4 }

export const toDay = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY)
export const fromDay = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
export const shiftDate = (date: string | null, days: number) => (date === null ? null : fromDay(toDay(date) + days))

/** Today as the reader's calendar sees it. */
export function today() {
  const now = new Date()
  return toDay(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`)
}

const label = (day: number, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(new Date(day * MS_PER_DAY))

/** The axis's labelled ticks between two days: every day, every Monday, or every 1st of a month. */
export function ticks(first: number, last: number, zoom: Zoom): { day: number; label: string }[] {
  const result: { day: number; label: string }[] = []
  for (let day = first; day <= last; day++) {
    const date = new Date(day * MS_PER_DAY)
    if (zoom === 'day') result.push({ day, label: label(day, { day: 'numeric' }) })
    else if (zoom === 'week' && date.getUTCDay() === 1) result.push({ day, label: label(day, { month: 'short', day: 'numeric' }) })
    else if (zoom === 'month' && date.getUTCDate() === 1) result.push({ day, label: label(day, { month: 'short', year: 'numeric' }) })
  }
  return result
}

/** Month headers over the day zoom's day numbers. */
export function months(first: number, last: number) {
  const result: { day: number; label: string }[] = []
  for (let day = first; day <= last; day++) {
    if (day === first || new Date(day * MS_PER_DAY).getUTCDate() === 1) result.push({ day, label: label(day, { month: 'long', year: 'numeric' }) })
  }
  return result
}

/** "2 Mar – 6 Mar 2026" for people. */
export function formatSpan(start: string | null, due: string | null) {
  const format = (date: string) => label(toDay(date), { day: 'numeric', month: 'short', year: 'numeric' })
  if (start && due && start !== due) return `${format(start)} – ${format(due)}`
  return format((due ?? start)!)
}
