import { test } from '@japa/runner'
import { AXIS_HEIGHT, BAR_INSET, ROW_HEIGHT, layoutGantt } from '../../../inertia/components/projects/gantt/gantt_layout.js'
import { fromDay, shiftDate, ticks, toDay } from '../../../inertia/components/projects/gantt/gantt_scale.js'

const task = (id: string, startDate: string | null, dueDate: string | null) => ({ id, title: id, status: 'todo', startDate, dueDate })

test.group('Gantt layout', () => {
  test('calendar days survive the round trip and month ends', ({ assert }) => {
    assert.equal(fromDay(toDay('2026-03-02')), '2026-03-02')
    assert.equal(shiftDate('2026-02-27', 3), '2026-03-02')
    assert.equal(shiftDate('2028-02-28', 1), '2028-02-29')
    assert.isNull(shiftDate(null, 3))
  })

  test('bars span start to due; a task with one date is one day wide; undated tasks are left out', ({ assert }) => {
    const layout = layoutGantt(
      {
        tasks: [task('design', '2026-03-02', '2026-03-06'), task('copy', null, '2026-03-13'), task('someday', null, null)],
        milestones: [{ id: 'launch', name: 'Launch', status: 'open', dueDate: '2026-03-27' }],
        dependencies: [{ taskId: 'copy', dependsOnTaskId: 'design' }],
        today: toDay('2026-03-04'),
      },
      'day'
    )
    // Three days of padding before the earliest date, 32 px a day.
    assert.equal(layout.first, toDay('2026-02-27'))
    assert.equal(layout.last, toDay('2026-03-30'))
    const [design, copy] = layout.bars
    assert.deepInclude(design, { row: 0, x: 3 * 32, width: 5 * 32, singleDay: false })
    assert.deepInclude(copy, { row: 1, x: 14 * 32, width: 32, singleDay: true })
    assert.deepEqual(layout.undated.map((t) => t.id), ['someday'])
    assert.deepInclude(layout.diamonds[0], { row: 2, x: 28 * 32 + 16 })
    assert.equal(layout.todayX, 5 * 32 + 16)
    assert.equal(layout.height, AXIS_HEIGHT + 3 * ROW_HEIGHT)

    // The arrow drops from under Design's end (row 0) and enters Copy's start on row 1.
    const rowMiddle = (row: number) => AXIS_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT / 2
    assert.equal(layout.arrows[0].path, `M ${8 * 32 - 6} ${AXIS_HEIGHT + ROW_HEIGHT - BAR_INSET} V ${rowMiddle(1)} H ${14 * 32}`)
  })

  test('zooming changes the day width and the labelled ticks', ({ assert }) => {
    const input = { tasks: [task('a', '2026-03-02', '2026-04-10')], milestones: [], dependencies: [], today: toDay('2026-03-02') }
    assert.equal(layoutGantt(input, 'week').bars[0].width, 40 * 14)
    assert.equal(layoutGantt(input, 'month').bars[0].width, 40 * 4)
    const weeks = ticks(toDay('2026-03-01'), toDay('2026-03-31'), 'week').map((tick) => fromDay(tick.day))
    assert.deepEqual(weeks, ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30'])
    const months = ticks(toDay('2026-02-15'), toDay('2026-04-15'), 'month').map((tick) => fromDay(tick.day))
    assert.deepEqual(months, ['2026-03-01', '2026-04-01'])
  })
})
