/**
 * Day and week boundaries in the agency's time zone. Instants are UTC
 * everywhere; a calendar day ('YYYY-MM-DD') only ever means a day in the
 * agency's zone. Weeks start on Monday (ISO).
 */
import { DateTime } from 'luxon'

/** Longest single entry, and the longest a timer may run. */
export const MAX_ENTRY_SECONDS = 12 * 60 * 60

/** Today in the agency's zone, as 'YYYY-MM-DD' (`now` for tests). */
export function agencyToday(zone: string, now: DateTime = DateTime.utc()): string {
  return now.setZone(zone).toISODate()!
}

/** The Monday of the week holding `day`. */
export function weekStartOf(day: string): string {
  return DateTime.fromISO(day, { zone: 'utc' }).startOf('week').toISODate()!
}

/** The seven days of the week starting on `weekStart`. */
export function weekDays(weekStart: string): string[] {
  const monday = DateTime.fromISO(weekStart, { zone: 'utc' })
  return Array.from({ length: 7 }, (_, index) => monday.plus({ days: index }).toISODate()!)
}

export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toISODate()!
}

/** The agency-local day an instant falls on. */
export function localDay(instant: DateTime, zone: string): string {
  return instant.setZone(zone).toISODate()!
}

export interface DayPiece {
  date: string
  startedAt: DateTime
  endedAt: DateTime
  seconds: number
}

/**
 * Splits [start, end) at every local midnight of `zone`, so each piece lies
 * within one agency day. Midnight comes from the zone's own calendar, so DST
 * days of 23 or 25 hours split where a wall clock shows 00:00.
 */
export function splitByLocalDay(start: DateTime, end: DateTime, zone: string): DayPiece[] {
  const pieces: DayPiece[] = []
  let cursor = start.toUTC()
  const stop = end.toUTC()
  while (cursor < stop) {
    const nextMidnight = cursor.setZone(zone).startOf('day').plus({ days: 1 }).toUTC()
    const pieceEnd = nextMidnight < stop ? nextMidnight : stop
    pieces.push({
      date: localDay(cursor, zone),
      startedAt: cursor,
      endedAt: pieceEnd,
      seconds: Math.round(pieceEnd.diff(cursor, 'seconds').seconds),
    })
    cursor = pieceEnd
  }
  return pieces.filter((piece) => piece.seconds > 0)
}
