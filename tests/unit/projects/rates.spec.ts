import { test } from '@japa/runner'
import { chooseRates, type RateLayers } from '#projects/public/rates'

const all: RateLayers = {
  projectMember: { billableRateCents: 15_000, costRateCents: 7_000 },
  project: { hourlyRateCents: 12_000 },
  member: { hourlyRateCents: 10_000, costRateCents: 5_000 },
  agency: { defaultHourlyRateCents: 9_000, defaultCostRateCents: 4_000 },
}

test.group('Rate resolution order', () => {
  test('the member\u2019s override on the project wins over everything', ({ assert }) => {
    assert.deepEqual(chooseRates(all), { billableRateCents: 15_000, costRateCents: 7_000, billableSource: 'project_member', costSource: 'project_member' })
  })

  test('without overrides: the project\u2019s hourly rate bills, the person\u2019s cost rate costs', ({ assert }) => {
    assert.deepEqual(chooseRates({ ...all, projectMember: { billableRateCents: null, costRateCents: null } }), {
      billableRateCents: 12_000,
      costRateCents: 5_000,
      billableSource: 'project',
      costSource: 'member',
    })
  })

  test('then the person\u2019s own rates, then the agency defaults', ({ assert }) => {
    const noProject = { ...all, projectMember: null, project: { hourlyRateCents: null } }
    assert.deepEqual(chooseRates(noProject), { billableRateCents: 10_000, costRateCents: 5_000, billableSource: 'member', costSource: 'member' })
    assert.deepEqual(chooseRates({ ...noProject, member: { hourlyRateCents: null, costRateCents: null } }), {
      billableRateCents: 9_000,
      costRateCents: 4_000,
      billableSource: 'agency',
      costSource: 'agency',
    })
  })

  test('a zero rate is a rate (pro bono), not a gap; nothing set anywhere is null', ({ assert }) => {
    const zero = chooseRates({ ...all, projectMember: { billableRateCents: 0, costRateCents: null } })
    assert.equal(zero.billableRateCents, 0)
    assert.equal(zero.billableSource, 'project_member')
    const none = chooseRates({
      projectMember: null,
      project: { hourlyRateCents: null },
      member: null,
      agency: { defaultHourlyRateCents: null, defaultCostRateCents: null },
    })
    assert.deepEqual(none, { billableRateCents: null, costRateCents: null, billableSource: 'none', costSource: 'none' })
  })
})
