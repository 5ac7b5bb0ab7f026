/*
| Reports routes: pipeline forecast, revenue by month and receivables over the JSON API.
*/
import router from '@adonisjs/core/services/router'
import { staffApi } from '#start/route_groups'

const InsightsApi = () => import('#reports/controllers/api/insights_controller')

staffApi(() => {
  router.get('/reports/pipeline', [InsightsApi, 'pipeline'])
  router.get('/reports/revenue', [InsightsApi, 'revenue'])
  router.get('/reports/receivables', [InsightsApi, 'receivables'])
})
