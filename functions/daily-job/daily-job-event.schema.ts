import * as z from 'zod/mini';
import { deferred } from '../../shared/schemas/deferred';

/** EventBridge Scheduler sends its scheduled time (`<aws.scheduler.scheduled-time>`), which is "now" for the run. */
export const ZDailyJobEvent = deferred(() => z.object({ time: z.iso.datetime({ offset: true }) }));
