import router from '@adonisjs/core/services/router'
import { staffApi, staffPages, uuid } from '#start/route_groups'

const ClientsController = () => import('#crm/controllers/clients_controller')
const ContactsController = () => import('#crm/controllers/contacts_controller')
const ClientTagsController = () => import('#crm/controllers/client_tags_controller')
const TagsController = () => import('#crm/controllers/tags_controller')
const ClientActivitiesController = () => import('#crm/controllers/client_activities_controller')
const ClientImportController = () => import('#crm/controllers/client_import_controller')
const ApiClientsController = () => import('#crm/controllers/api/clients_controller')
const ApiContactsController = () => import('#crm/controllers/api/contacts_controller')
const ApiTagsController = () => import('#crm/controllers/api/tags_controller')
const ApiTimelineController = () => import('#crm/controllers/api/client_timeline_controller')
const ApiImportController = () => import('#crm/controllers/api/client_import_controller')

staffPages(() => {
  router.get('/clients', [ClientsController, 'index'])
  router.get('/clients/export.csv', [ClientsController, 'export'])
  router.get('/clients/create', [ClientsController, 'create'])
  router.post('/clients', [ClientsController, 'store'])

  router.get('/clients/tags', [TagsController, 'index'])
  router.post('/clients/tags', [TagsController, 'store'])
  router.patch('/clients/tags/:id', [TagsController, 'update']).where('id', uuid)
  router.delete('/clients/tags/:id', [TagsController, 'destroy']).where('id', uuid)

  router.get('/clients/import', [ClientImportController, 'show'])
  router.get('/clients/import/template.csv', [ClientImportController, 'template'])
  router.post('/clients/import/preview', [ClientImportController, 'preview'])
  router.post('/clients/import', [ClientImportController, 'store'])

  router
    .group(() => {
      router.get('/clients/:id', [ClientsController, 'show'])
      router.get('/clients/:id/edit', [ClientsController, 'edit'])
      router.patch('/clients/:id', [ClientsController, 'update'])
      router.post('/clients/:id/archive', [ClientsController, 'archive'])
      router.post('/clients/:id/restore', [ClientsController, 'restore'])

      router.post('/clients/:id/contacts', [ContactsController, 'store'])
      router.patch('/clients/:id/contacts/:contactId', [ContactsController, 'update'])
      router.delete('/clients/:id/contacts/:contactId', [ContactsController, 'destroy'])

      router.post('/clients/:id/tags', [ClientTagsController, 'store'])
      router.delete('/clients/:id/tags/:tagId', [ClientTagsController, 'destroy'])

      router.post('/clients/:id/activities', [ClientActivitiesController, 'store'])
      router.delete('/clients/:id/activities/:activityId', [ClientActivitiesController, 'destroy'])
    })
    .where('id', uuid)
    .where('contactId', uuid)
    .where('tagId', uuid)
    .where('activityId', uuid)
})

staffApi(() => {
  router.get('/clients', [ApiClientsController, 'index'])
  router.post('/clients', [ApiClientsController, 'store'])
  router.post('/clients/import', [ApiImportController, 'store'])

  router
    .group(() => {
      router.get('/clients/:id', [ApiClientsController, 'show'])
      router.patch('/clients/:id', [ApiClientsController, 'update'])
      router.post('/clients/:id/archive', [ApiClientsController, 'archive'])
      router.post('/clients/:id/restore', [ApiClientsController, 'restore'])
      router.put('/clients/:id/tags', [ApiClientsController, 'setTags'])

      router.get('/clients/:id/contacts', [ApiContactsController, 'index'])
      router.post('/clients/:id/contacts', [ApiContactsController, 'store'])
      router.patch('/contacts/:id', [ApiContactsController, 'update'])
      router.delete('/contacts/:id', [ApiContactsController, 'destroy'])

      router.get('/tags', [ApiTagsController, 'index'])
      router.post('/tags', [ApiTagsController, 'store'])
      router.patch('/tags/:id', [ApiTagsController, 'update'])
      router.delete('/tags/:id', [ApiTagsController, 'destroy'])

      router.get('/clients/:id/timeline', [ApiTimelineController, 'index'])
      router.post('/clients/:id/notes', [ApiTimelineController, 'store'])
      router.delete('/activities/:id', [ApiTimelineController, 'destroy'])
    })
    .where('id', uuid)
})
