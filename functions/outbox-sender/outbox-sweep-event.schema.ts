import * as z from 'zod/mini';
import { deferred } from '../../shared/schemas/deferred';

/** EventBridge Scheduler sends the sweep its scheduled time (`<aws.scheduler.scheduled-time>`), which is "now" for it. */
export const ZOutboxSweepEvent = deferred(() => z.strictObject({ time: z.iso.datetime({ offset: true }) }));
