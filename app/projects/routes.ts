/*
| Projects routes: the project record and team, tasks and milestones, planning (Gantt, templates), budgets.
*/
import '#projects/routes/projects'
import '#projects/routes/tasks'
import '#projects/routes/planning'
import '#projects/routes/budget'
