import { test } from '@japa/runner'
import { formatDuration, parseDuration } from '#time/rules/duration'

test.group('Durations as people type them', () => {
  test('h:mm and h:mm:ss', ({ assert }) => {
    assert.equal(parseDuration('1:30'), 5400)
    assert.equal(parseDuration('0:05'), 300)
    assert.equal(parseDuration('12:00'), 43200)
    assert.equal(parseDuration('1:30:15'), 5415)
    assert.equal(parseDuration('  2:00  '), 7200)
  })

  test('hours with a unit, dot or comma decimals', ({ assert }) => {
    assert.equal(parseDuration('1.5h'), 5400)
    assert.equal(parseDuration('1,5h'), 5400)
    assert.equal(parseDuration('2h'), 7200)
    assert.equal(parseDuration('2 hours'), 7200)
    assert.equal(parseDuration('1 hr'), 3600)
    assert.equal(parseDuration('2H'), 7200)
    assert.equal(parseDuration('0.25h'), 900)
  })

  test('minutes with a unit, and hours with minutes', ({ assert }) => {
    assert.equal(parseDuration('90m'), 5400)
    assert.equal(parseDuration('90 min'), 5400)
    assert.equal(parseDuration('45 minutes'), 2700)
    assert.equal(parseDuration('1h 30m'), 5400)
    assert.equal(parseDuration('1h30m'), 5400)
  })

  test('a whole number is minutes; a decimal number is hours', ({ assert }) => {
    assert.equal(parseDuration('45'), 2700)
    assert.equal(parseDuration('90'), 5400)
    assert.equal(parseDuration('1.5'), 5400)
    assert.equal(parseDuration('0,75'), 2700)
  })

  test('anything else is unreadable (null), never a guess', ({ assert }) => {
    for (const text of ['', '   ', 'abc', '1:60', '1:5', '1::30', '-1h', '-45', '1.5.5', 'h', 'm', '1x', '1:30pm', '١:٣٠', '1e3', '0x10', 'Infinity', 'NaN']) {
      assert.isNull(parseDuration(text), JSON.stringify(text))
    }
  })

  test('zero reads as zero (the rules then ask for at least one second)', ({ assert }) => {
    assert.equal(parseDuration('0'), 0)
    assert.equal(parseDuration('0:00'), 0)
  })

  test('formats seconds as h:mm, rounding to the minute', ({ assert }) => {
    assert.equal(formatDuration(5400), '1:30')
    assert.equal(formatDuration(43200), '12:00')
    assert.equal(formatDuration(0), '0:00')
    assert.equal(formatDuration(29), '0:00')
    assert.equal(formatDuration(30), '0:01')
    assert.equal(formatDuration(3599), '1:00')
  })
})
