import { startLocalStack } from './local-stack';

/** `npm start`: runs the local stack until Ctrl-C, then stops every part of it. */
const main = async () => {
  const stack = await startLocalStack();
  console.log(`Accord is running.
  API and pages   ${stack.url}        (health: ${stack.url}/health, docs: ${stack.url}/openapi.json)
  Mailbox         ${stack.sesUrl}
  DynamoDB        ${stack.dynamoEndpoint}
Sign in:  curl -s -X POST ${stack.url}/_local/login -H 'content-type: application/json' -d '{"email":"you@example.gov.uk","role":"admin","agencies":[]}'
Ctrl-C stops everything.`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping Accord…`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
