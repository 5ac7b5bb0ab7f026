import { routeMailThroughQueue } from '#core/mail/queue_messenger'

routeMailThroughQueue()
