import { test } from '@japa/runner'
import { PASSWORD } from '#tests/helpers/factories'
import { approveTime, logTime, timeTeam } from '#tests/helpers/time'
import { WebSession } from '#tests/helpers/web_session'

const RANGE = { from: '2026-11-02', to: '2026-11-29' }
const qs = new URLSearchParams(RANGE).toString()

async function books(name: string) {
  const team = await timeTeam(name)
  await approveTime([
    await logTime(team.agencyId, team.manager.userId, 'manager', { projectId: team.projectId, date: '2026-11-03', seconds: 7200, billable: true }),
    await logTime(team.agencyId, team.member.userId, 'member', { projectId: team.projectId, date: '2026-11-04', seconds: 10800, billable: false }),
  ])
  return team
}

/** Polls the status as the separately started worker runs the job; every answer seen, last one done (or failed). */
async function untilFinished(fetchStatus: () => Promise<any>) {
  const seen: any[] = []
  const until = Date.now() + 20_000
  while (Date.now() < until) {
    const status = await fetchStatus()
    seen.push(status)
    if (['done', 'failed'].includes(status.status)) return seen
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`the export did not finish: ${JSON.stringify(seen.at(-1))}`)
}

test.group('Reports: exports prepared on the queue', () => {
  test('API: queued, run by the worker with progress, the CSV equals the direct download, for its owner only', async ({ client, assert }) => {
    const team = await books('Export api')
    const queued = await client.post('/api/reports/exports').bearerToken(team.owner.token).json({ kind: 'profitability', ...RANGE })
    queued.assertStatus(202)
    const { id, status, progress, statusUrl } = queued.body()
    assert.equal(status, 'queued')
    assert.equal(progress, 0)
    assert.equal(statusUrl, `/api/reports/exports/${id}`)

    const seen = await untilFinished(async () => (await client.get(statusUrl).bearerToken(team.owner.token)).body())
    const last = seen.at(-1)
    assert.deepEqual(last, { status: 'done', progress: 100, downloadUrl: `/api/reports/exports/${id}/download` })
    const progresses = seen.map((answer) => answer.progress)
    assert.deepEqual(progresses, [...progresses].sort((a, b) => a - b), 'progress never goes back')
    assert.isTrue(seen.slice(0, -1).every((answer) => answer.downloadUrl === undefined), 'no link before it is done')

    const file = await client.get(last.downloadUrl).bearerToken(team.owner.token)
    file.assertStatus(200)
    assert.include(file.header('content-type'), 'text/csv')
    assert.include(file.header('content-disposition'), `profitability-${RANGE.from}_to_${RANGE.to}.csv`)
    const web = await new WebSession(client).login(team.owner.email, PASSWORD)
    const direct = await web.get(`/reports/profitability.csv?${qs}`)
    assert.equal(file.text(), direct.text())
    assert.include(file.text(), 'Export api project')

    // Nobody else reads its status or its file, not even a manager of the same agency.
    for (const other of [team.manager, team.member]) {
      ;(await client.get(statusUrl).bearerToken(other.token)).assertStatus(404)
      ;(await client.get(last.downloadUrl).bearerToken(other.token)).assertStatus(404)
    }
  })

  test('the same policies as the downloads: a member exports only their own utilization; the page flow answers under /reports', async ({ client, assert }) => {
    const team = await books('Export policy')
    ;(await client.post('/api/reports/exports').bearerToken(team.member.token).json({ kind: 'profitability', ...RANGE })).assertStatus(403)
    ;(await client.post('/api/reports/exports').bearerToken(team.owner.token).json({ kind: 'profitability', from: RANGE.to, to: RANGE.from })).assertStatus(422)
    ;(await client.post('/api/reports/exports').bearerToken(team.owner.token).json({ kind: 'payroll', ...RANGE })).assertStatus(422)

    const member = await new WebSession(client).login(team.member.email, PASSWORD)
    const queued = await member.post('/reports/exports', { kind: 'utilization', ...RANGE, threshold: 60 })
    assert.equal(queued.status(), 202)
    const { id, statusUrl } = queued.body()
    assert.equal(statusUrl, `/reports/exports/${id}`)
    const seen = await untilFinished(async () => (await member.get(statusUrl)).body())
    assert.equal(seen.at(-1).downloadUrl, `/reports/exports/${id}/download`)
    const file = (await member.get(seen.at(-1).downloadUrl)).text()
    assert.equal(file, (await member.get(`/reports/utilization.csv?${qs}&threshold=60`)).text())
    assert.include(file, 'member person')
    assert.notInclude(file, 'manager person')

    const ownerWeb = await new WebSession(client).login(team.owner.email, PASSWORD)
    assert.equal((await ownerWeb.get(statusUrl)).status(), 404)
  })
})
