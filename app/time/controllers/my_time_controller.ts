import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { fieldError } from '#core/public/errors'
import { agencyZone } from '#time/actions/entry_rules'
import { currentUserId } from '#time/actions/log_time'
import { MAX_RANGE_DAYS, myTime } from '#time/queries/my_time'
import { agencyToday } from '#time/rules/calendar'
import { rangeValidator } from '#time/validators/time_entry'

/** "My time": the signed-in person's hours over a range (default: this month in the agency's zone). */
export default class MyTimeController {
  async show({ request, inertia }: HttpContext) {
    const zone = await agencyZone()
    const today = agencyToday(zone)
    const month = DateTime.fromISO(today, { zone: 'utc' })
    const range = await rangeValidator.validate(request.qs())
    const from = range.from ?? month.startOf('month').toISODate()!
    const to = range.to ?? month.endOf('month').toISODate()!
    if (to < from) fieldError('to', 'The end of the range comes before its start', 'after')
    const days = DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days + 1
    if (days > MAX_RANGE_DAYS) fieldError('to', 'Choose a range of at most a year', 'max')
    return inertia.render('time/mine', { today, report: await myTime(currentUserId(), from, to) })
  }
}
