import Project from '#projects/models/project'
import ProjectMember from '#projects/models/project_member'

/** The members work on the projects the won deals created (so a member's view has something in it). */
const ASSIGNMENTS: Record<string, string[]> = {
  'Storefront redesign': ['tom@brightwave.demo', 'aiko@brightwave.demo'],
  'Brand refresh and booking site': ['lena@brightwave.demo', 'aiko@brightwave.demo'],
}

export async function seedDemoProjectTeams(team: Map<string, string>) {
  for (const [name, emails] of Object.entries(ASSIGNMENTS)) {
    const project = await Project.findByOrFail('name', name)
    for (const email of emails) {
      await ProjectMember.create({ projectId: project.id, userId: team.get(email)!, role: 'member' })
    }
  }
}
