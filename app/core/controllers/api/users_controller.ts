import type { HttpContext } from '@adonisjs/core/http'
import User from '#core/models/user'
import { toUserDto } from '#core/dtos/user'

/** The agency's team; RLS keeps every other agency's users out of reach (another id is a 404). */
export default class UsersController {
  async index() {
    const users = await User.query().orderBy('name')
    return { users: users.map(toUserDto) }
  }

  async show({ params }: HttpContext) {
    return { user: toUserDto(await User.findOrFail(params.id)) }
  }
}
