import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { addDays, agencyToday, localDay, weekDays, weekStartOf } from '#time/rules/calendar'

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })

test.group('Days in the agency’s time zone', () => {
  test('Los Angeles: 05:00 UTC on the 20th is still the 19th', ({ assert }) => {
    assert.equal(agencyToday('America/Los_Angeles', at('2026-11-20T05:00:00Z')), '2026-11-19')
    assert.equal(agencyToday('UTC', at('2026-11-20T05:00:00Z')), '2026-11-20')
    assert.equal(agencyToday('America/Los_Angeles', at('2026-11-20T08:00:00Z')), '2026-11-20')
  })

  test('Auckland: 20:00 UTC on the 19th is already the 20th', ({ assert }) => {
    assert.equal(agencyToday('Pacific/Auckland', at('2026-11-19T20:00:00Z')), '2026-11-20')
    assert.equal(agencyToday('UTC', at('2026-11-19T20:00:00Z')), '2026-11-19')
    assert.equal(agencyToday('Pacific/Auckland', at('2026-11-19T10:59:59Z')), '2026-11-19')
    assert.equal(agencyToday('Pacific/Auckland', at('2026-11-19T11:00:00Z')), '2026-11-20')
  })

  test('across a DST change the local day follows the wall clock', ({ assert }) => {
    // Los Angeles falls back on 2026-11-01: that day starts at 07:00 UTC (PDT) and ends at 08:00 UTC the next day (PST), 25 hours.
    assert.equal(localDay(at('2026-11-01T06:59:59Z'), 'America/Los_Angeles'), '2026-10-31')
    assert.equal(localDay(at('2026-11-01T07:00:00Z'), 'America/Los_Angeles'), '2026-11-01')
    assert.equal(localDay(at('2026-11-02T07:59:59Z'), 'America/Los_Angeles'), '2026-11-01')
    assert.equal(localDay(at('2026-11-02T08:00:00Z'), 'America/Los_Angeles'), '2026-11-02')
  })

  test('weeks start on Monday', ({ assert }) => {
    assert.equal(weekStartOf('2026-11-19'), '2026-11-16') // Thursday
    assert.equal(weekStartOf('2026-11-16'), '2026-11-16') // Monday
    assert.equal(weekStartOf('2026-11-22'), '2026-11-16') // Sunday
    assert.equal(weekStartOf('2026-11-23'), '2026-11-23')
    assert.equal(weekStartOf('2027-01-01'), '2026-12-28') // across a year
    assert.equal(weekStartOf('2028-03-01'), '2028-02-28') // leap year
  })

  test('the seven days of a week and day arithmetic', ({ assert }) => {
    assert.deepEqual(weekDays('2026-12-28'), ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03'])
    assert.equal(addDays('2026-02-28', 1), '2026-03-01')
    assert.equal(addDays('2028-02-28', 1), '2028-02-29')
    assert.equal(addDays('2026-03-01', -1), '2026-02-28')
  })
})
