import { randomUUID } from 'node:crypto'
import SignUp from '#core/actions/sign_up'
import CreateStaffUser from '#core/actions/create_staff_user'
import CreateAccessToken from '#core/actions/create_access_token'
import { tenancy, withTenant } from '#core/tenancy/tenant_context'
import type { StaffRole } from '#core/models/user'

export const PASSWORD = 'correct-horse-battery-staple'

export function uniqueEmail(prefix = 'user') {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`
}

/** A new agency with its owner (and the owner's API token), through the real sign-up action. */
export async function createAgency(name = 'Agency') {
  return tenancy.run(async () => {
    const email = uniqueEmail('owner')
    const { agency, user } = await new SignUp().handle({ agencyName: `${name} ${randomUUID().slice(0, 4)}`, name: 'Olivia Owner', email, password: PASSWORD })
    const token = await new CreateAccessToken().handle(user, 'tests')
    return { agencyId: agency.id, userId: user.id, email, token: token.value }
  })
}

export async function createUser(agencyId: string, role: StaffRole = 'member') {
  return withTenant(agencyId, async () => {
    const email = uniqueEmail(role)
    const user = await new CreateStaffUser().handle(agencyId, { email, name: `${role} person`, password: PASSWORD, role })
    await tenancy.enter({ agencyId, userId: user.id, role })
    const token = await new CreateAccessToken().handle(user, 'tests')
    return { userId: user.id, email, token: token.value }
  })
}
