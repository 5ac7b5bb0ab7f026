import type { SearchProvider } from '#core/public/search'
import { clientNames } from '#crm/public/clients'
import Project from '#projects/models/project'
import { STATUS_LABELS } from '#projects/dtos/project'

/**
 * Projects by name. A plain substring test (no LIKE pattern to escape): an
 * agency has hundreds of projects, not the tens of thousands a trigram index pays for.
 */
export const projectSearch: SearchProvider = {
  label: 'Projects',
  async search(term, limit) {
    const projects = await Project.query()
      .whereRaw('strpos(lower(name), ?) > 0', [term.toLowerCase()])
      .orderByRaw(`status = 'completed', lower(name)`)
      .limit(limit)
    const clients = await clientNames(projects.map((project) => project.clientId))
    return projects.map((project) => ({
      id: project.id,
      title: project.name,
      subtitle: [STATUS_LABELS[project.status], clients.get(project.clientId)].filter(Boolean).join(' · '),
      href: `/projects/${project.id}`,
    }))
  },
}
