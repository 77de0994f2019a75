import * as z from 'zod';

/** EventBridge Scheduler sends the sweep its scheduled time (`<aws.scheduler.scheduled-time>`), which is "now" for it. */
export const ZOutboxSweepEvent = z.strictObject({ time: z.iso.datetime({ offset: true }) });
