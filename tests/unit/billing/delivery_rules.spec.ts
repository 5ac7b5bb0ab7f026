import { test } from '@japa/runner'
import { formatMoney, minorToDecimal } from '#billing/rules/money_format'
import { dueReminder, reminderKey } from '#billing/actions/remind_invoice'

test.group('Billing delivery: money formatting', () => {
  test('minor units are written exactly, in the currency\u2019s own number of decimals', ({ assert }) => {
    assert.equal(formatMoney(72000, 'USD'), '$720.00')
    assert.equal(formatMoney(5, 'EUR'), '€0.05')
    assert.equal(formatMoney(72000, 'JPY'), '¥72,000')
    assert.equal(formatMoney(1234567, 'KWD'), 'KWD\u00a01,234.567')
    assert.equal(formatMoney(-1999, 'GBP'), '-£19.99')
    assert.equal(formatMoney(99, 'INR', { display: 'code' }), 'INR\u00a00.99')
    assert.equal(minorToDecimal(900719925474099312n, 2), '9007199254740993.12')
  })
})

test.group('Billing delivery: which reminder is due', () => {
  const offsets = [-3, 0, 7, 14]
  const base = { offsets, dueDate: '2026-03-20', sentOn: '2026-03-01' }

  test('the reminder of the day, none before the first', ({ assert }) => {
    assert.isNull(dueReminder({ ...base, today: '2026-03-16' }))
    assert.equal(dueReminder({ ...base, today: '2026-03-17' }), -3)
    assert.equal(dueReminder({ ...base, today: '2026-03-20' }), 0)
    assert.equal(dueReminder({ ...base, today: '2026-03-27' }), 7)
    assert.equal(dueReminder({ ...base, today: '2026-04-03' }), 14)
  })

  test('missed days are caught up with the latest reminder only', ({ assert }) => {
    assert.equal(dueReminder({ ...base, today: '2026-03-30' }), 7)
    assert.equal(dueReminder({ ...base, today: '2026-05-01' }), 14)
  })

  test('no reminder for a day on or before the invoice went out', ({ assert }) => {
    assert.isNull(dueReminder({ ...base, sentOn: '2026-03-18', today: '2026-03-18' }))
    assert.equal(dueReminder({ ...base, sentOn: '2026-03-18', today: '2026-03-20' }), 0)
    assert.isNull(dueReminder({ ...base, offsets: [], today: '2026-04-20' }))
  })

  test('keys name the offset with its sign', ({ assert }) => {
    assert.deepEqual([-3, 0, 7].map(reminderKey), ['reminder:-3', 'reminder:0', 'reminder:+7'])
  })
})
