export { type JobSpec, type StartedJob, startJob } from './api';
export { JobsDashboard, type JobsDashboardProps } from './JobsDashboard';
