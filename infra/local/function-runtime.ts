import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { lambdaContext } from './lambda-http';

export type TInvokeRequest = { id: number; event: unknown };
export type TInvokeReply = { id: number; result?: unknown; error?: { name: string; message: string } };

const { entry, functionName } = workerData as { entry: string; functionName: string };
// Imported here, inside the worker: the handler reads its configuration at import, from this worker's environment.
const { handler } = (await import(pathToFileURL(entry).href)) as { handler: (event: unknown, context: unknown) => Promise<unknown> };

parentPort!.on('message', async ({ id, event }: TInvokeRequest) => {
  try {
    parentPort!.postMessage({ id, result: await handler(event, lambdaContext(functionName)) } satisfies TInvokeReply);
  } catch (error) {
    const { name, message } = error as Error;
    parentPort!.postMessage({ id, error: { name, message } } satisfies TInvokeReply);
  }
});
parentPort!.postMessage('ready');
