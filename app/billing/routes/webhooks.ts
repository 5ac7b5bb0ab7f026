import router from '@adonisjs/core/services/router'

const StripeWebhooks = () => import('#billing/controllers/stripe_webhooks_controller')

/*
| Stripe calls this, not a person: no session, no CSRF, no tenant middleware
| and no bearer token. The signature over the raw body is the authentication;
| the controller finds the agency from the verified event and works as that
| agency's `system`.
*/
router.post('/api/webhooks/stripe', [StripeWebhooks, 'handle'])
