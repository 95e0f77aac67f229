import { nightSchedulerService } from '../jobs/night-scheduler.service.ts';
import type { BackgroundService } from '../runtime/app-deps.ts';

/** Started by `ripe serve` once the server listens, stopped in reverse order on shutdown. Add yours here. */
export const backgroundServices: BackgroundService[] = [nightSchedulerService];
