import { test } from '@japa/runner'
import { timeLines, type TimeForBilling } from '#billing/rules/time_lines'

const names = {
  projects: new Map([['p1', 'Website']]),
  members: new Map([
    ['ada', 'Ada'],
    ['bob', 'Bob'],
  ]),
  tasks: new Map([['t1', 'Design']]),
}

const entry = (id: string, userId: string, seconds: number, rate: number, extra: Partial<TimeForBilling> = {}): TimeForBilling => ({
  id,
  userId,
  projectId: 'p1',
  taskId: null,
  date: '2026-11-16',
  durationSeconds: seconds,
  billableRateCents: rate,
  ...extra,
})

test.group('Time grouped into invoice lines', () => {
  test('per member, apart by frozen rate, each line rounded once', ({ assert }) => {
    const lines = timeLines(
      [entry('1', 'ada', 1800, 10001), entry('2', 'ada', 1800, 10001), entry('3', 'bob', 3600, 9000), entry('4', 'ada', 600, 12000)],
      'member',
      names
    )
    assert.deepEqual(
      lines.map((line) => [line.description, line.quantitySeconds, line.unitAmountCents, line.amountCents, line.entryIds]),
      [
        ['Website · Ada', 3600, 10001, 10001, ['1', '2']],
        ['Website · Ada', 600, 12000, 2000, ['4']],
        ['Website · Bob', 3600, 9000, 9000, ['3']],
      ]
    )
  })

  test('per task, per day and one line per project', ({ assert }) => {
    const entries = [entry('1', 'ada', 3600, 100, { taskId: 't1' }), entry('2', 'bob', 1800, 100, { date: '2026-11-17' })]
    assert.deepEqual(timeLines(entries, 'task', names).map((line) => line.description), ['Website · Design', 'Website · General work'])
    assert.deepEqual(timeLines(entries, 'day', names).map((line) => line.description), ['Website · 2026-11-16', 'Website · 2026-11-17'])
    const [single] = timeLines(entries, 'project', names)
    assert.deepEqual([single.description, single.quantitySeconds, single.amountCents], ['Website', 5400, 150])
  })
})
