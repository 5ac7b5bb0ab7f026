import type { HttpContext } from '@adonisjs/core/http'
import User from '#core/models/user'
import CreateAccessToken from '#core/actions/create_access_token'
import RevokeAccessToken from '#core/actions/revoke_access_token'
import { toAccessTokenDto } from '#core/dtos/access_token'
import { createTokenValidator } from '#core/validators/team'

/** Personal API tokens: each user manages their own. */
export default class TokensController {
  async index({ inertia, auth }: HttpContext) {
    const tokens = await User.accessTokens.all(auth.user as User)
    return inertia.render('core/settings/tokens', { tokens: tokens.map(toAccessTokenDto) })
  }

  async store({ request, response, auth, session }: HttpContext) {
    const { name } = await request.validateUsing(createTokenValidator)
    const token = await new CreateAccessToken().handle(auth.user as User, name)
    session.flash('token', token.value)
    session.flash('success', `Token “${name}” created`)
    return response.redirect('/settings/tokens')
  }

  async destroy({ params, response, auth, session }: HttpContext) {
    const revoked = await new RevokeAccessToken().handle(auth.user as User, params.id)
    if (!revoked) return response.notFound()
    session.flash('success', 'Token revoked')
    return response.redirect('/settings/tokens')
  }
}
