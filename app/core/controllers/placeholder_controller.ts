import type { HttpContext } from '@adonisjs/core/http'

/** Module screens that later issues fill: the navigation already leads somewhere honest. */
const MODULES: Record<string, { title: string; description: string }> = {}

export default class PlaceholderController {
  show({ inertia, route }: HttpContext) {
    const module = route!.pattern.slice(1)
    return inertia.render('core/placeholder', { module, ...MODULES[module] })
  }
}

export const placeholderModules = Object.keys(MODULES)
