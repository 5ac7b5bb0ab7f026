/*
| Report exports prepared on the queue: the same three routes for the API
| (bearer tokens) and for the /reports page (session, CSRF on the POST).
*/
import router from '@adonisjs/core/services/router'
import { staffApi, staffPages } from '#start/route_groups'

const ReportExportsController = () => import('#reports/controllers/report_exports_controller')

const routes = () => {
  router.post('/reports/exports', [ReportExportsController, 'store'])
  router.get('/reports/exports/:id', [ReportExportsController, 'show']).where('id', router.matchers.uuid())
  router.get('/reports/exports/:id/download', [ReportExportsController, 'download']).where('id', router.matchers.uuid())
}

staffPages(routes)
staffApi(routes)
