import type { HttpContext } from '@adonisjs/core/http'
import Agency from '#core/models/agency'
import type User from '#core/models/user'
import { toAgencyDto } from '#core/dtos/agency'
import { toUserDto } from '#core/dtos/user'

export default class MeController {
  async show({ auth }: HttpContext) {
    const user = auth.user as User
    return { user: toUserDto(user), agency: toAgencyDto(await Agency.findOrFail(user.agencyId)) }
  }
}
