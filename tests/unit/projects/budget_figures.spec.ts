import { test } from '@japa/runner'
import { budgetFigures } from '#projects/queries/project_budgets'

const HOUR = 3600

test.group('Budget burn', () => {
  test('is the higher of money and hours burn, in whole percent rounded down', ({ assert }) => {
    // 7.5 h of 10 h = 75 %; 300.00 of 1,000.00 = 30 %.
    assert.containsSubset(budgetFigures(100_000, 10 * HOUR, 30_000, 7.5 * HOUR), { burnPercent: 75, overBudget: false })
    assert.equal(budgetFigures(100_000, 10 * HOUR, 95_000, 1 * HOUR).burnPercent, 95)
    // 74.99 % has not reached the 75 % alert.
    assert.equal(budgetFigures(100_000, null, 74_999, 0).burnPercent, 74)
  })

  test('only budgets that are set count; without any there is no burn', ({ assert }) => {
    assert.equal(budgetFigures(null, 10 * HOUR, 999_999, 5 * HOUR).burnPercent, 50)
    assert.equal(budgetFigures(100_000, null, 20_000, 999 * HOUR).burnPercent, 20)
    assert.deepEqual(budgetFigures(null, null, 50_000, HOUR), {
      budgetCents: null,
      budgetSeconds: null,
      spentCents: 50_000,
      spentSeconds: HOUR,
      burnPercent: null,
      overBudget: false,
    })
    assert.isNull(budgetFigures(0, 0, 10, 10).burnPercent)
  })

  test('over budget once spend exceeds a budget, not when it just reaches it', ({ assert }) => {
    assert.containsSubset(budgetFigures(null, 10 * HOUR, 0, 10 * HOUR), { burnPercent: 100, overBudget: false })
    assert.containsSubset(budgetFigures(null, 10 * HOUR, 0, 10 * HOUR + 1), { burnPercent: 100, overBudget: true })
    assert.containsSubset(budgetFigures(100_000, 10 * HOUR, 100_001, 0), { burnPercent: 100, overBudget: true })
  })
})
