import { test } from '@japa/runner'
import { allows, deriveStatus, type InvoiceFacts, type LedgerRow } from '#billing/rules/invoice_status'

const sent = (ledger: LedgerRow[], overrides: Partial<InvoiceFacts> = {}): InvoiceFacts => ({
  totalCents: 10_000,
  sent: true,
  voided: false,
  dueDate: '2026-12-15',
  today: '2026-12-01',
  ledger,
  ...overrides,
})

test.group('Invoice status from the ledger', () => {
  test('draft, sent, partially paid, paid, overdue', ({ assert }) => {
    assert.equal(deriveStatus(sent([], { sent: false })), 'draft')
    assert.equal(deriveStatus(sent([])), 'sent')
    assert.equal(deriveStatus(sent([{ kind: 'payment', amountCents: 4000 }])), 'partially_paid')
    assert.equal(deriveStatus(sent([{ kind: 'payment', amountCents: 4000 }, { kind: 'payment', amountCents: 6000 }])), 'paid')
    assert.equal(deriveStatus(sent([], { today: '2026-12-16' })), 'overdue')
    assert.equal(deriveStatus(sent([{ kind: 'payment', amountCents: 4000 }], { today: '2026-12-16' })), 'overdue')
    assert.equal(deriveStatus(sent([{ kind: 'payment', amountCents: 10_000 }], { today: '2026-12-16' })), 'paid')
    assert.equal(deriveStatus(sent([], { voided: true })), 'void')
  })

  test('refunds and disputes', ({ assert }) => {
    const paid: LedgerRow = { kind: 'payment', amountCents: 10_000 }
    assert.equal(deriveStatus(sent([paid, { kind: 'refund', amountCents: 2500 }])), 'partially_refunded')
    assert.equal(deriveStatus(sent([paid, { kind: 'refund', amountCents: 2500 }, { kind: 'refund', amountCents: 7500 }])), 'refunded')
    assert.equal(deriveStatus(sent([paid, { kind: 'dispute', amountCents: 10_000, disputeStatus: 'open' }])), 'disputed')
    assert.equal(deriveStatus(sent([paid, { kind: 'dispute', amountCents: 10_000, disputeStatus: 'won' }])), 'paid')
    assert.equal(deriveStatus(sent([paid, { kind: 'dispute', amountCents: 10_000, disputeStatus: 'lost' }])), 'refunded')
  })

  test('the same ledger in any order gives the same status', ({ assert }) => {
    const rows: LedgerRow[] = [
      { kind: 'payment', amountCents: 6000 },
      { kind: 'refund', amountCents: 1000 },
      { kind: 'payment', amountCents: 4000 },
    ]
    const statuses = new Set([rows, [...rows].reverse(), [rows[1], rows[0], rows[2]]].map((ledger) => deriveStatus(sent(ledger))))
    assert.deepEqual([...statuses], ['partially_refunded'])
  })

  test('actions are allowed only from their states', ({ assert }) => {
    assert.isTrue(allows('void', 'sent'))
    assert.isFalse(allows('void', 'paid'))
    assert.isFalse(allows('void', 'partially_paid'))
    assert.isTrue(allows('edit', 'draft'))
    assert.isFalse(allows('edit', 'sent'))
    assert.isFalse(allows('recordPayment', 'draft'))
    assert.isTrue(allows('creditNote', 'paid'))
  })
})
