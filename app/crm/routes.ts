/*
| CRM routes: clients (with contacts, tags, timeline, import/export) and the deal pipeline.
*/
import '#crm/routes/clients'
import '#crm/routes/deals'
