import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { reportFailure } from '#core/cli/operator_output'

export default class UserCreate extends BaseCommand {
  static commandName = 'user:create'
  static description = 'Create a user in an agency, with an API token'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Agency id' })
  declare agencyId: string

  @args.string({ description: 'Email' })
  declare email: string

  @flags.string({ description: 'owner, manager or member', default: 'member' })
  declare role: string

  @flags.string({ description: 'Password (at least 12 characters)', required: true })
  declare password: string

  @flags.string({ description: 'Display name (defaults to the email)' })
  declare userName?: string

  @flags.boolean({ description: 'Print { userId, token } as JSON' })
  declare json: boolean

  async run() {
    const { default: vine } = await import('@vinejs/vine')
    const { withTenant } = await import('#core/tenancy/tenant_context')
    const { default: Agency } = await import('#core/models/agency')
    const { default: CreateStaffUser } = await import('#core/actions/create_staff_user')
    const { default: CreateAccessToken } = await import('#core/actions/create_access_token')
    const { fieldError } = await import('#core/exceptions/field_error')
    const validator = vine.compile(
      vine.object({
        agencyId: vine.string().uuid(),
        email: vine.string().trim().toLowerCase().email(),
        name: vine.string().trim().minLength(1).maxLength(120),
        password: vine.string().minLength(12).maxLength(128),
        role: vine.enum(['owner', 'manager', 'member'] as const),
      })
    )
    try {
      const input = await validator.validate({
        agencyId: this.agencyId,
        email: this.email,
        name: this.userName ?? this.email.split('@')[0],
        password: this.password,
        role: this.role,
      })
      const result = await withTenant(input.agencyId, async () => {
        if (!(await Agency.find(input.agencyId))) fieldError('agencyId', 'No agency with this id', 'exists')
        const user = await new CreateStaffUser().handle(input.agencyId, input)
        const { tenancy } = await import('#core/tenancy/tenant_context')
        await tenancy.enter({ agencyId: input.agencyId, userId: user.id, role: user.role })
        const token = await new CreateAccessToken().handle(user, 'operator')
        return { userId: user.id, token: token.value }
      })
      this.logger.log(this.json ? JSON.stringify(result) : `User ${result.userId} created; token ${result.token}`)
    } catch (error) {
      reportFailure(this, error, this.json)
    }
  }
}
