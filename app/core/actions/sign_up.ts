import { randomUUID } from 'node:crypto'
import Agency from '#core/models/agency'
import User from '#core/models/user'
import { recordAudit } from '#core/audit/audit_trail'
import { fieldError } from '#core/exceptions/field_error'
import { findLogin } from '#core/queries/find_login'
import { tenancy } from '#core/tenancy/tenant_context'

export interface SignUpInput {
  agencyName: string
  name: string
  email: string
  password: string
}

/** Creates an agency and its owner, in the current transaction, and enters that agency's context. */
export default class SignUp {
  async handle(input: SignUpInput) {
    if (await findLogin(input.email)) fieldError('email', 'An account with this email already exists', 'unique')

    const agencyId = randomUUID()
    const userId = randomUUID()
    await tenancy.enter({ agencyId, userId, role: 'system' })

    const agency = await Agency.create({ id: agencyId, name: input.agencyName })
    const user = await User.create({
      id: userId,
      agencyId,
      email: input.email,
      name: input.name,
      password: input.password,
      role: 'owner',
      isActive: true,
    })
    await recordAudit({
      entityType: 'agency',
      entityId: agencyId,
      action: 'created',
      after: { name: agency.name, ownerEmail: user.email },
      actor: { id: userId, type: 'user' },
    })
    await tenancy.enter({ agencyId, userId, role: 'owner' })
    return { agency, user }
  }
}
