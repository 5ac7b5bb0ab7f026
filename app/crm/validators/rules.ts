import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import type { VineString } from '@vinejs/vine'

/** A web address, with or without its scheme; only http(s), so it is always safe to link to. */
export const website = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string' || value === '') return
  const ok = vine.helpers.isURL(value, { protocols: ['http', 'https'], require_protocol: false, require_tld: true })
  if (!ok) field.report('Enter a web address like example.com or https://example.com', 'website', field)
})

/** An ISO 8601 date-time with an offset, not in the future (a minute of clock skew allowed). */
export const pastDateTime = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const date = DateTime.fromISO(value, { setZone: true })
  if (!date.isValid) return field.report('Enter a date and time (ISO 8601)', 'dateTime', field)
  if (date > DateTime.now().plus({ minutes: 1 })) field.report('The date cannot be in the future', 'pastDateTime', field)
})

/** Optional free text: trimmed, and an emptied field means "none". */
export function optionalText(max: number, refine: (text: VineString) => VineString = (text) => text) {
  return refine(vine.string().trim().maxLength(max))
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()
}
