import { recordAudit } from '#core/public/audit'
import ProjectTemplate from '#projects/models/project_template'

/** Rename or re-describe a template. */
export async function updateTemplate(id: string, changes: { name?: string; description?: string | null }) {
  const template = await ProjectTemplate.findOrFail(id)
  const before = { name: template.name, description: template.description }
  template.merge(Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)))
  await template.save()
  await recordAudit({ entityType: 'project_template', entityId: id, action: 'updated', before, after: changes })
  return template
}

/** Deleting a template leaves the projects made from it as they are (they hold copies). */
export async function deleteTemplate(id: string) {
  const template = await ProjectTemplate.findOrFail(id)
  await template.delete()
  await recordAudit({ entityType: 'project_template', entityId: id, action: 'deleted', before: { name: template.name } })
}
