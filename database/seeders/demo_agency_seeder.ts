import { BaseSeeder } from '@adonisjs/lucid/seeders'
import { DateTime } from 'luxon'
import SignUp from '#core/actions/sign_up'
import CreateStaffUser from '#core/actions/create_staff_user'
import UpdateAgencySettings from '#core/actions/update_agency_settings'
import Invitation from '#core/models/invitation'
import Agency from '#core/models/agency'
import { findLogin } from '#core/queries/find_login'
import { generateSecretToken } from '#core/security/secret_token'
import { tenancy, withTenant } from '#core/tenancy/tenant_context'
import { seedDemoCrm } from '#database/demo/crm'
import { seedDemoProjects } from '#database/demo/projects'
import { seedDemoTime } from '#database/demo/time'
import { seedDemoBilling } from '#database/demo/billing'

export const DEMO_OWNER = { email: 'owner@brightwave.demo', password: 'throughline-demo' }

const TEAM = [
  { name: 'Marcus Reyes', email: 'marcus@brightwave.demo', role: 'manager' },
  { name: 'Priya Natarajan', email: 'priya@brightwave.demo', role: 'manager' },
  { name: 'Tom Becker', email: 'tom@brightwave.demo', role: 'member' },
  { name: 'Aiko Tanaka', email: 'aiko@brightwave.demo', role: 'member' },
  { name: 'Lena Schulz', email: 'lena@brightwave.demo', role: 'member' },
] as const

/**
 * A realistic demo agency to try the product with (README: `npm run demo`).
 * Runs once: a second run finds the demo owner and leaves everything as is
 * (except that a demo agency made before time tracking or billing existed gets its time and invoices).
 * Later modules add their demo data (clients, deals, projects, time…) here.
 */
export default class DemoAgencySeeder extends BaseSeeder {
  async run() {
    await tenancy.run(async () => {
      const existing = await findLogin(DEMO_OWNER.email)
      if (existing) {
        await withTenant(existing.agencyId, async () => {
          await seedDemoTime()
          await seedDemoBilling()
        })
        return
      }
      const { agency, user } = await new SignUp().handle({
        agencyName: 'Brightwave Studio',
        name: 'Dana Whitfield',
        email: DEMO_OWNER.email,
        password: DEMO_OWNER.password,
      })
      await new UpdateAgencySettings().handle(await Agency.findOrFail(agency.id), {
        currency: 'EUR',
        timezone: 'Europe/Berlin',
        taxRate: 19,
        invoicePrefix: 'BW-',
        paymentTermsDays: 14,
        brandColor: '#0f766e',
      })
      const team = new Map<string, string>()
      for (const member of TEAM) {
        const staff = await new CreateStaffUser().handle(agency.id, { ...member, password: DEMO_OWNER.password })
        team.set(staff.email, staff.id)
      }
      await Invitation.create({
        agencyId: agency.id,
        email: 'sam@brightwave.demo',
        role: 'member',
        tokenHash: generateSecretToken().hash,
        invitedBy: user.id,
        expiresAt: DateTime.now().plus({ days: 5 }),
      })
      // The rest is written as the owner, so the timeline and audit name a person.
      await tenancy.enter({ agencyId: agency.id, userId: user.id, role: 'owner' })
      await seedDemoCrm(team)
      await seedDemoProjects(team)
      // Time is written as `system`: the database lets only trusted code insert submitted and approved time.
      await tenancy.enter({ agencyId: agency.id, userId: null, role: 'system' })
      await seedDemoTime()
      // Invoices in every state and expenses, made by Billing's actions as the owner (seedDemoBilling enters as the owner).
      await seedDemoBilling()
    })
    console.info(`Demo agency ready: sign in as ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`)
  }
}
