import { nightSchedulerService } from '../jobs/night-scheduler.service.ts';
import type { AppDeps } from './router-deps.ts';

/** Something that runs beside the HTTP server (a scheduler, a worker) and stops before the database closes. */
export interface RunningService {
  name: string;
  stop(): Promise<void>;
}

export type BackgroundService = (deps: AppDeps) => Promise<RunningService>;

/** Started by `ripe serve` once the server listens, stopped in reverse order on shutdown. Add yours here. */
export const backgroundServices: BackgroundService[] = [nightSchedulerService];
