/**
 * Durations as people type them: `1:30` (h:mm), `1.5h` or `1,5h`, `1h 30m`,
 * `90m`, `1.5` (a decimal is hours) and `45` (a whole number is minutes, as
 * in Toggl and Productive). Returns whole seconds, or null when unreadable.
 */
const CLOCK = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/
const UNITS = /^(?:(\d+(?:[.,]\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+(?:[.,]\d+)?)\s*m(?:in(?:utes?|s)?)?)?$/i
const DECIMAL_HOURS = /^(\d+[.,]\d+)$/
const WHOLE_MINUTES = /^(\d+)$/

const number = (text: string) => Number(text.replace(',', '.'))

export function parseDuration(input: string): number | null {
  const text = input.trim()
  if (!text) return null
  let seconds: number | null = null
  const clock = text.match(CLOCK)
  if (clock) seconds = Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0)
  else if (DECIMAL_HOURS.test(text)) seconds = number(text) * 3600
  else if (WHOLE_MINUTES.test(text)) seconds = Number(text) * 60
  else {
    const units = text.match(UNITS)
    if (units && (units[1] || units[2])) seconds = number(units[1] ?? '0') * 3600 + number(units[2] ?? '0') * 60
  }
  return seconds === null || !Number.isFinite(seconds) ? null : Math.round(seconds)
}

/** Seconds as h:mm, e.g. 5400 → "1:30". */
export function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60)
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
}
