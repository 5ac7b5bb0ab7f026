import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { reportFailure } from '#core/cli/operator_output'

export default class AgencyCreate extends BaseCommand {
  static commandName = 'agency:create'
  static description = 'Create an agency with its owner and an API token for the owner'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Agency name' })
  declare name: string

  @args.string({ description: 'Owner email' })
  declare ownerEmail: string

  @flags.string({ description: 'Owner password (at least 12 characters)', required: true })
  declare password: string

  @flags.string({ description: 'Owner display name (defaults to the email)' })
  declare ownerName?: string

  @flags.boolean({ description: 'Print { agencyId, userId, token } as JSON' })
  declare json: boolean

  async run() {
    const { tenancy } = await import('#core/tenancy/tenant_context')
    const { signUpValidator } = await import('#core/validators/auth')
    const { default: SignUp } = await import('#core/actions/sign_up')
    const { default: CreateAccessToken } = await import('#core/actions/create_access_token')
    try {
      const result = await tenancy.run(async () => {
        const input = await signUpValidator.validate({
          agencyName: this.name,
          name: this.ownerName ?? this.ownerEmail.split('@')[0],
          email: this.ownerEmail,
          password: this.password,
        })
        const { agency, user } = await new SignUp().handle(input)
        const token = await new CreateAccessToken().handle(user, 'operator')
        return { agencyId: agency.id, userId: user.id, token: token.value }
      })
      this.logger.log(this.json ? JSON.stringify(result) : `Agency ${result.agencyId} created; owner ${result.userId}; token ${result.token}`)
    } catch (error) {
      reportFailure(this, error, this.json)
    }
  }
}
