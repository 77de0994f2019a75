import { startLocalStack } from './local-stack';

/** `npm start`: runs the local stack until Ctrl-C, then stops every part of it. */
const main = async () => {
  // Lambda runs Node 22; on a laptop's Node 20 the AWS SDK's upgrade notice is only noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const stack = await startLocalStack();
  console.log(`Accord is running.
  Workspace       ${stack.url}/app
  API             ${stack.url}        (docs: ${stack.url}/openapi.json, public register: ${stack.url}/register)
  Mailbox         ${stack.sesUrl}
  DynamoDB        ${stack.dynamoEndpoint}
Demo data: npm run seed    Daily job: curl -s -X POST ${stack.url}/_local/scheduled/daily -H 'content-type: application/json' -d '{"time":"2027-09-26T08:00:00Z"}'
API token: curl -s -X POST ${stack.url}/_local/login -H 'content-type: application/json' -d '{"email":"you@example.gov.uk","role":"admin","agencies":[]}'
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
