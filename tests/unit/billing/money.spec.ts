import { test } from '@japa/runner'
import { mulDivHalfUp, percentToBasisPoints, quantityAmount, taxAmount, timeAmount, withMarkup } from '#billing/rules/money'

test.group('Billing money', () => {
  test('time amounts round half-up once, on exact integers', ({ assert }) => {
    assert.equal(timeAmount(3600, 15000), 15000)
    assert.equal(timeAmount(5400, 12345), 18518) // 18517.5 → up
    assert.equal(timeAmount(1, 1), 0) // 0.000277… → 0
    assert.equal(timeAmount(1800, 1), 1) // 0.5 → 1
    assert.equal(timeAmount(37 * 3600 + 1234, 17550), 655_366) // 134434 s × 175.50/h = 655365.75 → up
  })

  test('tax and markup in basis points; percentages typed with decimals never pass through a float', ({ assert }) => {
    assert.equal(taxAmount(10_000, 2000), 2000)
    assert.equal(taxAmount(333, 725), 24) // 24.1425
    assert.equal(taxAmount(1234, 2050), 253) // 252.97
    assert.equal(withMarkup(10_000, 1500), 11_500)
    assert.equal(withMarkup(333, 1000), 366) // 366.3
    assert.equal(percentToBasisPoints(7.25), 725)
    assert.equal(percentToBasisPoints('0.1'), 10)
    assert.equal(percentToBasisPoints(20), 2000)
  })

  test('large amounts stay exact beyond what a double multiplies exactly', ({ assert }) => {
    assert.equal(mulDivHalfUp(9_000_000_000_000, 3, 7), 3_857_142_857_143)
    assert.equal(quantityAmount(2500, 19999), 49998) // 2.5 × 199.99 = 499.975 → 499.98
    assert.equal(mulDivHalfUp(-5, 1, 2), -3)
  })
})
