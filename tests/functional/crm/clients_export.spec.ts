import { test } from '@japa/runner'
import { parse } from 'csv-parse/sync'
import { createAgency, createUser, PASSWORD } from '#tests/helpers/factories'
import { assignMember, createClient, createTag, setClientColumns, tagClient } from '#tests/helpers/crm'
import { WebSession } from '#tests/helpers/web_session'

test.group('CSV export of the client list', () => {
  test('exports exactly the filtered clients, across every page, with their details', async ({ client, assert }) => {
    const a = await createAgency('Export')
    const retainer = await createTag(a.agencyId, 'Retainer')
    const vip = await createTag(a.agencyId, 'VIP')
    // 30 tagged clients: more than one page of the list.
    for (let i = 1; i <= 30; i++) {
      const { clientId } = await createClient(a.agencyId, `Tagged ${String(i).padStart(2, '0')}`, { name: `Person ${i}`, email: `p${i}@tagged.test` })
      await tagClient(a.agencyId, clientId, i === 1 ? [retainer, vip] : [retainer])
      if (i === 1) await setClientColumns(clientId, { lifetime_revenue_cents: 1234567, industry: 'Media', website: 'tagged.test' })
    }
    await createClient(a.agencyId, 'Untagged Co')
    const archived = await createClient(a.agencyId, 'Archived Tagged')
    await tagClient(a.agencyId, archived.clientId, [retainer])
    await setClientColumns(archived.clientId, { archived_at: new Date() })
    const web = await new WebSession(client).login(a.email, PASSWORD)

    const response = await web.get(`/clients/export.csv?tag[]=${retainer}`)
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/csv/)
    assert.match(response.header('content-disposition') ?? '', /^attachment; filename="clients-\d{4}-\d{2}-\d{2}\.csv"$/)
    const rows = parse(response.text(), { columns: true }) as Record<string, string>[]
    assert.lengthOf(rows, 30)
    assert.deepEqual(rows.map((row) => row.company), Array.from({ length: 30 }, (_, i) => `Tagged ${String(i + 1).padStart(2, '0')}`))
    assert.deepEqual(rows[0], {
      company: 'Tagged 01',
      industry: 'Media',
      website: 'tagged.test',
      contact_name: 'Person 1',
      contact_email: 'p1@tagged.test',
      contact_phone: '',
      tags: 'Retainer; VIP',
      lifetime_revenue: '12345.67',
      currency: 'USD',
      last_activity: rows[0].last_activity,
      archived: 'no',
    })
    assert.isTrue(Number.isFinite(Date.parse(rows[0].last_activity)))

    const all = parse((await web.get(`/clients/export.csv?tag=${retainer}&archived=all&search=archived`)).text(), { columns: true })
    assert.deepEqual(all.map((row: any) => [row.company, row.archived]), [['Archived Tagged', 'yes']])
    const everyone = parse((await web.get('/clients/export.csv')).text(), { columns: true })
    assert.lengthOf(everyone, 31)
  })

  test('a member\u2019s export holds only the clients they may see', async ({ client, assert }) => {
    const a = await createAgency('Export member')
    const member = await createUser(a.agencyId, 'member')
    const { clientId } = await createClient(a.agencyId, 'Visible Co')
    await createClient(a.agencyId, 'Hidden Co')
    await assignMember(a.agencyId, clientId, member.userId)
    const web = await new WebSession(client).login(member.email, PASSWORD)
    const rows = parse((await web.get('/clients/export.csv')).text(), { columns: true })
    assert.deepEqual(rows.map((row: any) => row.company), ['Visible Co'])
  })
})
