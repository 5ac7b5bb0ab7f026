import { staffApi, staffPages } from '#start/route_groups'

staffPages(() => {})

staffApi(() => {})
