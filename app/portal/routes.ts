/*
| Portal routes: sign-in by magic link, the contact's pages and API, and the staff side (access, deliverables).
*/
import '#portal/routes/pages'
import '#portal/routes/api'
import '#portal/routes/access'
import '#portal/routes/deliverables'
