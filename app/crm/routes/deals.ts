import router from '@adonisjs/core/services/router'
import { staffApi, staffPages, uuid } from '#start/route_groups'

const DealsController = () => import('#crm/controllers/deals_controller')
const DealStagesController = () => import('#crm/controllers/deal_stages_controller')
const ApiDealsController = () => import('#crm/controllers/api/deals_controller')
const ApiDealStagesController = () => import('#crm/controllers/api/deal_stages_controller')

staffPages(() => {
  router.get('/deals', [DealsController, 'index'])
  router.get('/deals/list', [DealsController, 'list'])
  router.get('/deals/client-options', [DealsController, 'clientOptions'])
  router.post('/deals', [DealsController, 'store'])
  router.get('/deals/:id', [DealsController, 'show']).where('id', uuid)
  router.patch('/deals/:id', [DealsController, 'update']).where('id', uuid)
  router.put('/deals/:id/stage', [DealsController, 'move']).where('id', uuid)
  router.delete('/deals/:id', [DealsController, 'destroy']).where('id', uuid)

  router.get('/deals/stages', [DealStagesController, 'index'])
  router.post('/deals/stages', [DealStagesController, 'store'])
  router.put('/deals/stages/order', [DealStagesController, 'reorder'])
  router.patch('/deals/stages/:id', [DealStagesController, 'update']).where('id', uuid)
  router.delete('/deals/stages/:id', [DealStagesController, 'destroy']).where('id', uuid)
})

staffApi(() => {
  router.get('/deals', [ApiDealsController, 'index'])
  router.post('/deals', [ApiDealsController, 'store'])
  router.get('/deals/forecast', [ApiDealsController, 'forecast'])
  router.get('/deals/board', [ApiDealsController, 'board'])
  router.get('/deals/:id', [ApiDealsController, 'show']).where('id', uuid)
  router.patch('/deals/:id', [ApiDealsController, 'update']).where('id', uuid)
  router.put('/deals/:id/stage', [ApiDealsController, 'move']).where('id', uuid)
  router.delete('/deals/:id', [ApiDealsController, 'destroy']).where('id', uuid)

  router.get('/deal-stages', [ApiDealStagesController, 'index'])
  router.post('/deal-stages', [ApiDealStagesController, 'store'])
  router.put('/deal-stages/order', [ApiDealStagesController, 'reorder'])
  router.patch('/deal-stages/:id', [ApiDealStagesController, 'update']).where('id', uuid)
  router.delete('/deal-stages/:id', [ApiDealStagesController, 'destroy']).where('id', uuid)
})
