import router from '@adonisjs/core/services/router'
import app from '@adonisjs/core/services/app'
import { apiStack, middleware, pageStack } from '#start/kernel'
import { throttleAuthForms, throttleUser } from '#start/limiter'
import { placeholderModules } from '#core/controllers/placeholder_controller'

const SignupController = () => import('#core/controllers/signup_controller')
const SessionController = () => import('#core/controllers/session_controller')
const PasswordResetController = () => import('#core/controllers/password_reset_controller')
const InvitationsController = () => import('#core/controllers/invitations_controller')
const DashboardController = () => import('#core/controllers/dashboard_controller')
const PlaceholderController = () => import('#core/controllers/placeholder_controller')
const AgencySettingsController = () => import('#core/controllers/agency_settings_controller')
const TeamController = () => import('#core/controllers/team_controller')
const TokensController = () => import('#core/controllers/tokens_controller')
const DevMailController = () => import('#core/controllers/dev_mail_controller')
const AuditLogController = () => import('#core/controllers/audit_log_controller')
const ApiAuditLogController = () => import('#core/controllers/api/audit_log_controller')
const MeController = () => import('#core/controllers/api/me_controller')
const UsersController = () => import('#core/controllers/api/users_controller')
const AgencyController = () => import('#core/controllers/api/agency_controller')
const SearchController = () => import('#core/controllers/search_controller')
const NotificationsController = () => import('#core/controllers/notifications_controller')
const ApiNotificationsController = () => import('#core/controllers/api/notifications_controller')

const uuid = router.matchers.uuid()

// Pages
router
  .group(() => {
    router.on('/').redirect('/dashboard')

    // Signed-out pages
    router
      .group(() => {
        router.get('/signup', [SignupController, 'show'])
        router.post('/signup', [SignupController, 'store']).use(throttleAuthForms)
        router.get('/login', [SessionController, 'show'])
        router.post('/login', [SessionController, 'store']).use(throttleAuthForms)
        router.get('/forgot-password', [PasswordResetController, 'showRequest'])
        router.post('/forgot-password', [PasswordResetController, 'sendLink']).use(throttleAuthForms)
      })
      .use(middleware.guest())

    // Links from emails: usable whether or not someone is signed in on this browser.
    router.get('/reset-password/:token', [PasswordResetController, 'showReset'])
    router.post('/reset-password/:token', [PasswordResetController, 'reset']).use(throttleAuthForms)
    router.get('/invitations/:token', [InvitationsController, 'show'])
    router.post('/invitations/:token/accept', [InvitationsController, 'accept']).use(throttleAuthForms)

    // Staff pages
    router
      .group(() => {
        router.post('/logout', [SessionController, 'destroy'])
        router.get('/dashboard', [DashboardController, 'show'])
        // JSON for the header's search box (session-authenticated fetch).
        router.get('/search', [SearchController, 'index'])
        // The header's bell: JSON list for its dropdown; marking read answers by going back.
        router.get('/notifications', [NotificationsController, 'index'])
        router.post('/notifications/read-all', [NotificationsController, 'readAll'])
        router.post('/notifications/:id/read', [NotificationsController, 'read']).where('id', uuid)
        for (const module of placeholderModules) router.get(`/${module}`, [PlaceholderController, 'show'])

        router.get('/settings/agency', [AgencySettingsController, 'show'])
        router.post('/settings/agency', [AgencySettingsController, 'update'])
        router.get('/agency/logo', [AgencySettingsController, 'logo'])

        router.get('/settings/team', [TeamController, 'index'])
        router.post('/settings/team/invitations', [TeamController, 'invite'])
        router.delete('/settings/team/invitations/:id', [TeamController, 'revokeInvitation']).where('id', uuid)
        router.patch('/settings/team/:id', [TeamController, 'changeRole']).where('id', uuid)
        router.post('/settings/team/:id/deactivate', [TeamController, 'deactivate']).where('id', uuid)
        router.post('/settings/team/:id/reactivate', [TeamController, 'reactivate']).where('id', uuid)

        router.get('/settings/tokens', [TokensController, 'index'])
        router.post('/settings/tokens', [TokensController, 'store'])
        router.delete('/settings/tokens/:id', [TokensController, 'destroy']).where('id', uuid)

        router.get('/settings/audit', [AuditLogController, 'index'])

        if (!app.inProduction) router.get('/dev/mail', [DevMailController, 'index'])
      })
      .use([middleware.auth({ guards: ['web'] }), throttleUser])
  })
  .use(pageStack())

// JSON API (bearer tokens)
router
  .group(() => {
    router.get('/me', [MeController, 'show'])
    router.get('/users', [UsersController, 'index'])
    router.get('/users/:id', [UsersController, 'show']).where('id', uuid)
    router.get('/agency', [AgencyController, 'show'])
    router.patch('/agency', [AgencyController, 'update'])
    router.get('/audit-log', [ApiAuditLogController, 'index'])
    router.get('/search', [SearchController, 'index'])
    router.get('/notifications', [ApiNotificationsController, 'index'])
    router.post('/notifications/read-all', [ApiNotificationsController, 'readAll'])
    router.post('/notifications/:id/read', [ApiNotificationsController, 'read']).where('id', uuid)
  })
  .prefix('/api')
  .use([...apiStack(), middleware.auth({ guards: ['api'] }), throttleUser])
