import type { RelatedRecord } from '#crm/public/client_relations'
import Project from '#projects/models/project'
import { STATUS_LABELS } from '#projects/dtos/project'

/** The client page's "Projects" section: status and budget, formatted here because the section shows plain text. */
export async function clientProjects(clientId: string): Promise<RelatedRecord[]> {
  const projects = await Project.query().where('clientId', clientId).orderBy('createdAt', 'desc')
  return projects.map((project) => ({
    id: project.id,
    title: project.name,
    detail: [STATUS_LABELS[project.status], project.budgetCents === null ? null : formatBudget(project.budgetCents, project.currency)]
      .filter(Boolean)
      .join(' · '),
    href: `/projects/${project.id}`,
  }))
}

function formatBudget(minorUnits: number, currency: string) {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency })
  return format.format(minorUnits / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2))
}
