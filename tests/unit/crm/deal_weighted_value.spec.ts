import { test } from '@japa/runner'
import { weightedFromProducts, weightedValue } from '#crm/queries/weighted_value'

test.group('Weighted deal value', () => {
  test('is Σ value × probability / 100, in minor units', ({ assert }) => {
    assert.equal(weightedValue([]), 0)
    assert.equal(weightedValue([{ valueCents: 2_500_000, probability: 10 }]), 250_000)
    assert.equal(weightedValue([{ valueCents: 2_500_000, probability: 0 }]), 0)
    assert.equal(weightedValue([{ valueCents: 2_500_000, probability: 100 }]), 2_500_000)
  })

  test('rounds half up, once for the whole set', ({ assert }) => {
    assert.equal(weightedValue([{ valueCents: 999, probability: 50 }]), 500) // 499.5
    assert.equal(weightedValue([{ valueCents: 1, probability: 50 }]), 1) // 0.5
    assert.equal(weightedValue([{ valueCents: 1, probability: 49 }]), 0) // 0.49
    assert.equal(weightedValue([{ valueCents: 1005, probability: 25 }]), 251) // 251.25
    // Two deals of 251.25 each: 502.5 → 503, not 251 + 251.
    assert.equal(weightedValue([{ valueCents: 1005, probability: 25 }, { valueCents: 1005, probability: 25 }]), 503)
  })

  test('stays exact for large values', ({ assert }) => {
    assert.equal(weightedValue([{ valueCents: 10_000_000_000_000, probability: 99 }]), 9_900_000_000_000)
    assert.equal(weightedValue([{ valueCents: 9_007_199_254_740, probability: 33 }]), 2_972_375_754_064) // …064.2
  })

  test('finishes SQL sums of products the same way', ({ assert }) => {
    assert.equal(weightedFromProducts('75075'), 751)
    assert.equal(weightedFromProducts('0'), 0)
    assert.equal(weightedFromProducts(50n), 1)
    assert.equal(weightedFromProducts(49), 0)
  })
})
