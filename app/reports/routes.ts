/*
| Reports routes: profitability and utilization over the JSON API.
*/
import router from '@adonisjs/core/services/router'
import { staffApi } from '#start/route_groups'

const ReportsApi = () => import('#reports/controllers/api/reports_controller')

staffApi(() => {
  router.get('/reports/profitability', [ReportsApi, 'profitability'])
  router.get('/reports/utilization', [ReportsApi, 'utilization'])
})
