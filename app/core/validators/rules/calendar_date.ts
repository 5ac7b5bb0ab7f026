import vine from '@vinejs/vine'
import { DateTime } from 'luxon'

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
export const calendarDate = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value, { zone: 'utc' }).isValid) {
    field.report('Enter a date as YYYY-MM-DD', 'date', field)
  }
})
