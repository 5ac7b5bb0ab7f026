import { test } from '@japa/runner'
import { drawdown, endedPeriods } from '#billing/rules/retainer'

const H = 3600
const usage = (...used: number[]) => used.map((hours) => ({ includedSeconds: 40 * H, usedSeconds: hours * H }))
const summary = (periods: ReturnType<typeof drawdown>) => periods.map((period) => [period.rolledOverSeconds / H, period.overageSeconds / H])

test.group('Retainer rules', () => {
  test('periods run from the start date, whole months counted from the start, until the last ended one', ({ assert }) => {
    // A period ending on the 29th is over on the 30th, not before.
    assert.lengthOf(endedPeriods('2026-01-31', 'monthly', '2026-04-30'), 3)
    assert.deepEqual(endedPeriods('2026-01-31', 'monthly', '2026-04-29'), [
      { index: 0, start: '2026-01-31', end: '2026-02-27' },
      { index: 1, start: '2026-02-28', end: '2026-03-30' },
    ])
    assert.deepEqual(endedPeriods('2026-01-01', 'quarterly', '2026-07-01').map((period) => period.end), ['2026-03-31', '2026-06-30'])
    assert.deepEqual(endedPeriods('2026-01-01', 'monthly', '2026-01-31'), [])
  })

  test('drawdown: own hours first, then rolled-over hours oldest first, then overage', ({ assert }) => {
    // The brief's fixture with one period of rollover.
    assert.deepEqual(summary(drawdown(usage(30, 48, 55), 1)), [
      [0, 0],
      [10, 0],
      [0, 15],
    ])
    // No rollover: every excess hour is overage.
    assert.deepEqual(summary(drawdown(usage(30, 48, 55), 0)), [
      [0, 0],
      [0, 8],
      [0, 15],
    ])
    // Two periods back: January's 10 h can serve March too (2 h left of it after February).
    assert.deepEqual(summary(drawdown(usage(30, 48, 55), 2)), [
      [0, 0],
      [10, 0],
      [2, 13],
    ])
    // Unused hours from two quiet months, carried at most two periods, expire in order.
    assert.deepEqual(summary(drawdown(usage(0, 0, 0, 100), 2)), [
      [0, 0],
      [40, 0],
      [80, 0],
      [80, 0],
    ])
  })
})
