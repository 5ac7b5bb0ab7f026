/*
| Reports routes: the /reports page with its CSV and PDF downloads, and
| profitability and utilization over the JSON API.
*/
import router from '@adonisjs/core/services/router'
import { staffApi, staffPages } from '#start/route_groups'
import '#reports/routes/insights'
import '#reports/routes/exports'

const ReportsApi = () => import('#reports/controllers/api/reports_controller')
const BreakdownsApi = () => import('#reports/controllers/api/breakdowns_controller')
const ReportsController = () => import('#reports/controllers/reports_controller')

staffPages(() => {
  router.get('/reports', [ReportsController, 'show'])
  router.get('/reports/projects/:id', [ReportsController, 'project']).where('id', router.matchers.uuid())
  router.get('/reports/profitability.csv', [ReportsController, 'profitabilityCsv'])
  router.get('/reports/utilization.csv', [ReportsController, 'utilizationCsv'])
  router.get('/reports/profitability.pdf', [ReportsController, 'profitabilityPdf'])
  router.get('/reports/utilization.pdf', [ReportsController, 'utilizationPdf'])
  for (const extension of ['csv', 'pdf']) {
    router.get(`/reports/projects/:id/members.${extension}`, [ReportsController, 'projectMembers']).where('id', router.matchers.uuid())
    router.get(`/reports/capacity.${extension}`, [ReportsController, 'capacityExport'])
    router.get(`/reports/pipeline.${extension}`, [ReportsController, 'pipelineExport'])
    router.get(`/reports/revenue.${extension}`, [ReportsController, 'revenueExport'])
    router.get(`/reports/receivables.${extension}`, [ReportsController, 'receivablesExport'])
  }
})

staffApi(() => {
  router.get('/reports/profitability', [ReportsApi, 'profitability'])
  router.get('/reports/utilization', [ReportsApi, 'utilization'])
  router.get('/reports/profitability/projects/:id', [BreakdownsApi, 'project']).where('id', router.matchers.uuid())
  router
    .get('/reports/profitability/projects/:id/members/:userId/entries', [BreakdownsApi, 'memberEntries'])
    .where('id', router.matchers.uuid())
    .where('userId', router.matchers.uuid())
  router.get('/reports/capacity', [BreakdownsApi, 'capacity'])
})
