// Durations and week labels for the week view and approvals (formatting only at the edge).

/** Seconds as h:mm, e.g. 5400 → "1:30"; 0 → "0:00". */
export function formatHours(seconds: number): string {
  const minutes = Math.round(seconds / 60)
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
}

const utcDate = (day: string) => new Date(`${day}T00:00:00Z`)

/** "Mon 16" for a column header. */
export function dayHeader(day: string) {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', timeZone: 'UTC' }).format(utcDate(day))
}

/** "Monday 16 November" for screen readers. */
export function dayName(day: string) {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(utcDate(day))
}

/** "16 – 22 Nov 2026" for a week starting on `weekStart`. */
export function weekRange(weekStart: string, weekEnd: string) {
  const start = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcDate(weekStart))
  const end = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utcDate(weekEnd))
  return `${start} – ${end}`
}
