/*
| What the CRM adds to shared seams at boot: global search providers.
*/
import { registerSearchProvider } from '#core/public/search'
import { clientSearch, contactSearch, dealSearch } from '#crm/search/crm_search'

registerSearchProvider('clients', clientSearch)
registerSearchProvider('contacts', contactSearch)
registerSearchProvider('deals', dealSearch)
