import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { variablesFor } from '../../shared/config';
import { FUNCTION_ENVIRONMENT, FUNCTIONS, type TFunctionName } from '../../shared/functions';
import type { TInvokeReply, TInvokeRequest } from './function-runtime';

const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export type TFunctionWorker = { invoke<TResult>(event: unknown): Promise<TResult>; stop(): Promise<void> };

/**
 * The environment a function gets locally: exactly the variables of its settings (as the CDK
 * function gets them in AWS), the common ones, and what the platform adds (region, endpoints).
 * A setting's variable missing from `values` is a bug in the local stack, reported at once.
 */
export const localEnvironment = (name: TFunctionName, values: Record<string, string>, platform: Record<string, string>) => {
  const variables = variablesFor(FUNCTIONS[name].settings, 'local');
  const missing = variables.filter((variable) => values[variable] === undefined);
  if (missing.length > 0) throw new Error(`The local stack has no value for ${missing.join(', ')} (function ${name})`);
  return { ...FUNCTION_ENVIRONMENT, ...platform, ...Object.fromEntries(variables.map((variable) => [variable, values[variable]!])) };
};

/**
 * Starts a function in its own worker thread with its own environment, as Lambda gives each
 * function its own process: what one handler reads cannot leak into another. Resolves once the
 * handler has loaded; a handler that fails at load (bad configuration) fails the start.
 */
export const startFunctionWorker = (name: TFunctionName, env: Record<string, string>): Promise<TFunctionWorker> =>
  new Promise((ready, failed) => {
    const worker = new Worker(new URL('./function-worker.mjs', import.meta.url), {
      env,
      workerData: { entry: resolve(REPO_ROOT, FUNCTIONS[name].entry), functionName: `accord-${name}` },
    });
    const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
    let nextId = 0;
    worker.once('error', (error) => {
      failed(new Error(`Function ${name} failed to start: ${error.message}`));
      for (const call of pending.values()) call.reject(error);
      pending.clear();
    });
    worker.on('message', (message: TInvokeReply | 'ready') => {
      if (message === 'ready') {
        ready({
          invoke: <TResult>(event: unknown) =>
            new Promise<TResult>((resolveCall, rejectCall) => {
              const id = (nextId += 1);
              pending.set(id, { resolve: resolveCall as (value: never) => void, reject: rejectCall });
              worker.postMessage({ id, event } satisfies TInvokeRequest);
            }),
          stop: async () => {
            await worker.terminate();
          },
        });
        return;
      }
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) call?.reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
      else call?.resolve(message.result as never);
    });
  });
