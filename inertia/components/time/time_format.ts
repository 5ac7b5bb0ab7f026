// Durations and times of day for the time views; durations are integer seconds.

/** Seconds as h:mm, e.g. 5400 → "1:30". */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60)
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
}

/** Seconds as hours with one decimal for charts and summaries, e.g. 5400 → "1.5". */
export function hoursLabel(seconds: number): string {
  return `${(Math.round(seconds / 360) / 10).toLocaleString(undefined, { maximumFractionDigits: 1 })} h`
}

/** An instant's wall-clock time in the agency's zone, as HH:mm (what a time input holds). */
export function clockTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).formatToParts(new Date(iso))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${part('hour')}:${part('minute')}`
}

/** A calendar day (YYYY-MM-DD) for people: "Thu, 19 Nov 2026" in the reader's locale. */
export function formatDay(day: string, style: 'long' | 'short' = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }
  return new Intl.DateTimeFormat(undefined, options).format(new Date(`${day}T00:00:00Z`))
}

/** The export link for a range (and optionally a person or project). */
export function exportHref(filters: Record<string, string | undefined>) {
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])))
  const text = query.toString()
  return `/time/export.csv${text ? `?${text}` : ''}`
}
