import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'
import { listStaff } from '#core/public/users'
import { toProjectListItemDto, type ProjectDetailDto } from '#projects/dtos/project'
import { relatedNames } from '#projects/queries/list_projects'

/** One project with its team; another agency's or a non-assigned member's project is a 404 (RLS hides it). */
export async function showProject(id: string): Promise<ProjectDetailDto> {
  const project = await Project.findOrFail(id)
  const names = await relatedNames([project])
  const members = await ProjectMember.query().where('projectId', project.id).orderBy('createdAt')
  const staff = await listStaff()
  const staffNames = new Map(staff.map((user) => [user.id, user.name]))
  return {
    ...toProjectListItemDto(project, names),
    description: project.description,
    team: members.map((member) => ({
      userId: member.userId,
      name: staffNames.get(member.userId) ?? 'Former user',
      role: member.role,
    })),
  }
}
