import { test } from '@japa/runner'
import { withTenant } from '#core/public/tenancy'
import ProjectTemplate from '#projects/models/project_template'
import TemplateTask from '#projects/models/template_task'
import { createAgency, createUser } from '#tests/helpers/factories'
import { asRuntimeRole } from '#tests/helpers/runtime_role'

function templateWithTask(agencyId: string) {
  return withTenant(agencyId, async () => {
    const template = await ProjectTemplate.create({ name: 'Starter' })
    await TemplateTask.create({ templateId: template.id, title: 'Kick-off', priority: 'medium', status: 'todo', position: 0 })
    return template.id
  })
}

test.group('Templates under RLS', () => {
  test('staff read their agency’s templates only; members cannot write them; no context sees nothing', async ({ assert }) => {
    const a = await createAgency('RLS templates')
    const b = await createAgency('RLS other')
    const member = await createUser(a.agencyId, 'member')
    const mine = await templateWithTask(a.agencyId)
    await templateWithTask(b.agencyId)

    const asMember = { agencyId: a.agencyId, userId: member.userId, role: 'member' }
    await asRuntimeRole(asMember, async (trx) => {
      assert.deepEqual((await trx.from('project_templates').select('id')).map((row: any) => row.id), [mine])
      assert.lengthOf(await trx.from('template_tasks'), 1)
      assert.equal(await trx.from('project_templates').where('id', mine).update({ name: 'Hijacked' }), 0)
      assert.equal(await trx.from('template_tasks').delete(), 0)
    })
    await asRuntimeRole(asMember, async (trx) => {
      await assert.rejects(() => trx.table('project_templates').insert({ agency_id: a.agencyId, name: 'Member made' }), /row-level security/)
    })
    await asRuntimeRole({ agencyId: a.agencyId, userId: a.userId, role: 'owner' }, async (trx) => {
      assert.equal(await trx.from('project_templates').where('id', mine).update({ name: 'Renamed' }), 1)
      await assert.rejects(() => trx.table('project_templates').insert({ agency_id: b.agencyId, name: 'Planted' }), /row-level security/)
    })
    await asRuntimeRole(null, async (trx) => {
      assert.lengthOf(await trx.from('project_templates'), 0)
      assert.lengthOf(await trx.from('template_dependencies'), 0)
    })
  })
})
