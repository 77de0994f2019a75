import * as z from 'zod';

/** EventBridge Scheduler sends its scheduled time (`<aws.scheduler.scheduled-time>`), which is "now" for the run. */
export const ZDailyJobEvent = z.object({ time: z.iso.datetime({ offset: true }) });
