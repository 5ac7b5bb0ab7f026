import type { HttpContext } from '@adonisjs/core/http'
import { globalSearch } from '#core/queries/global_search'
import { searchValidator } from '#core/validators/search'

/** The header's search box asks this as JSON while the user types. */
export default class SearchController {
  async index({ request }: HttpContext) {
    const { q } = await request.validateUsing(searchValidator, { data: request.qs() })
    return globalSearch(q)
  }
}
