/*
| Projects plugs into the CRM: winning a deal creates a project, and the
| client page lists the client's projects.
*/
import { onDealWon } from '#crm/public/won_deals'
import CreateProjectFromDeal from '#projects/actions/create_project_from_deal'

onDealWon((deal) => new CreateProjectFromDeal().handle(deal))
