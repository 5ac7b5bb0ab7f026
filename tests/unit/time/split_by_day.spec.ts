import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { splitByLocalDay } from '#time/rules/calendar'

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })

/** What a person sees of each piece: the agency day, the UTC bounds and its length. */
function split(start: string, end: string, zone: string) {
  return splitByLocalDay(utc(start), utc(end), zone).map((piece) => ({
    date: piece.date,
    from: piece.startedAt.toUTC().toISO({ suppressMilliseconds: true }),
    to: piece.endedAt.toUTC().toISO({ suppressMilliseconds: true }),
    seconds: piece.seconds,
  }))
}

const H = 3600

test.group('Timer split by the agency’s local day', () => {
  test('Tokyo (UTC+9): 22:00–02:00 local is two entries, on the 10th and the 11th, though both lie on the 10th in UTC', ({ assert }) => {
    assert.deepEqual(split('2026-03-10T13:00:00Z', '2026-03-10T17:00:00Z', 'Asia/Tokyo'), [
      { date: '2026-03-10', from: '2026-03-10T13:00:00Z', to: '2026-03-10T15:00:00Z', seconds: 2 * H },
      { date: '2026-03-11', from: '2026-03-10T15:00:00Z', to: '2026-03-10T17:00:00Z', seconds: 2 * H },
    ])
    // The same instants in UTC stay one day.
    assert.deepEqual(
      split('2026-03-10T13:00:00Z', '2026-03-10T17:00:00Z', 'UTC').map((piece) => piece.date),
      ['2026-03-10']
    )
  })

  test('Auckland in summer time (UTC+13): midnight falls at 11:00 UTC', ({ assert }) => {
    assert.deepEqual(split('2026-01-15T10:30:00Z', '2026-01-15T11:30:00Z', 'Pacific/Auckland'), [
      { date: '2026-01-15', from: '2026-01-15T10:30:00Z', to: '2026-01-15T11:00:00Z', seconds: 1800 },
      { date: '2026-01-16', from: '2026-01-15T11:00:00Z', to: '2026-01-15T11:30:00Z', seconds: 1800 },
    ])
  })

  test('Berlin, 29 March 2026: the day clocks go forward has 23 hours', ({ assert }) => {
    // 23:30 CET on the 28th to 00:30 CEST on the 30th.
    const pieces = split('2026-03-28T22:30:00Z', '2026-03-29T22:30:00Z', 'Europe/Berlin')
    assert.deepEqual(pieces, [
      { date: '2026-03-28', from: '2026-03-28T22:30:00Z', to: '2026-03-28T23:00:00Z', seconds: 1800 },
      { date: '2026-03-29', from: '2026-03-28T23:00:00Z', to: '2026-03-29T22:00:00Z', seconds: 23 * H },
      { date: '2026-03-30', from: '2026-03-29T22:00:00Z', to: '2026-03-29T22:30:00Z', seconds: 1800 },
    ])
    assert.equal(pieces.reduce((sum, piece) => sum + piece.seconds, 0), 24 * H)
  })

  test('Berlin: work through the jump (01:30 CET → 03:30 CEST) is one hour on one day', ({ assert }) => {
    assert.deepEqual(split('2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', 'Europe/Berlin'), [
      { date: '2026-03-29', from: '2026-03-29T00:30:00Z', to: '2026-03-29T01:30:00Z', seconds: H },
    ])
  })

  test('Berlin, 25 October 2026: the day clocks go back has 25 hours', ({ assert }) => {
    // Midnight CEST to midnight CET: one piece of 25 hours.
    assert.deepEqual(split('2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', 'Europe/Berlin'), [
      { date: '2026-10-25', from: '2026-10-24T22:00:00Z', to: '2026-10-25T23:00:00Z', seconds: 25 * H },
    ])
    // 23:00 CEST on the 24th to 00:30 CET on the 26th.
    assert.deepEqual(split('2026-10-24T21:00:00Z', '2026-10-25T23:30:00Z', 'Europe/Berlin'), [
      { date: '2026-10-24', from: '2026-10-24T21:00:00Z', to: '2026-10-24T22:00:00Z', seconds: H },
      { date: '2026-10-25', from: '2026-10-24T22:00:00Z', to: '2026-10-25T23:00:00Z', seconds: 25 * H },
      { date: '2026-10-26', from: '2026-10-25T23:00:00Z', to: '2026-10-25T23:30:00Z', seconds: 1800 },
    ])
  })

  test('a timer started exactly at local midnight belongs wholly to that day', ({ assert }) => {
    assert.deepEqual(split('2026-03-10T15:00:00Z', '2026-03-10T16:00:00Z', 'Asia/Tokyo'), [
      { date: '2026-03-11', from: '2026-03-10T15:00:00Z', to: '2026-03-10T16:00:00Z', seconds: H },
    ])
  })

  test('a timer stopped exactly at local midnight stays on the day it ran, with no empty entry after it', ({ assert }) => {
    assert.deepEqual(split('2026-03-10T14:00:00Z', '2026-03-10T15:00:00Z', 'Asia/Tokyo'), [
      { date: '2026-03-10', from: '2026-03-10T14:00:00Z', to: '2026-03-10T15:00:00Z', seconds: H },
    ])
    // Exactly one local day, midnight to midnight: one entry, not two.
    assert.deepEqual(split('2026-03-09T15:00:00Z', '2026-03-10T15:00:00Z', 'Asia/Tokyo'), [
      { date: '2026-03-10', from: '2026-03-09T15:00:00Z', to: '2026-03-10T15:00:00Z', seconds: 24 * H },
    ])
  })

  test('a timer stopped the instant it started logs nothing', ({ assert }) => {
    assert.deepEqual(split('2026-03-10T15:00:00Z', '2026-03-10T15:00:00Z', 'Asia/Tokyo'), [])
  })
})
