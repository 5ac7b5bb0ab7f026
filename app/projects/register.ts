/*
| Projects plugs into the CRM and core: winning a deal creates a project, the
| client page lists the client's projects, and the header search finds them.
*/
import { registerSearchProvider } from '#core/public/search'
import { registerClientRelation } from '#crm/public/client_relations'
import { onDealWon, registerProjectTemplateOptions } from '#crm/public/won_deals'
import CreateProjectFromDeal from '#projects/actions/create_project_from_deal'
import { clientProjects } from '#projects/queries/client_projects'
import { projectSearch } from '#projects/search/project_search'
import { templateOptions } from '#projects/public/templates'

onDealWon((deal) => new CreateProjectFromDeal().handle(deal))
registerProjectTemplateOptions(templateOptions)
registerClientRelation('projects', { label: 'Projects', list: clientProjects })
registerSearchProvider('projects', projectSearch)
