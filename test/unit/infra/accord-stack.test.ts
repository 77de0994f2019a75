import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { AccordMailStack, AccordStack } from '../../../infra/aws/accord-stack';
import { readDeploySettings } from '../../../infra/aws/deploy-settings';
import { localEnvironment } from '../../../infra/local/function-workers';
import { variablesFor } from '../../../shared/config';
import { TABLE_DEFINITION } from '../../../shared/db/table-definition';
import { FUNCTION_ENVIRONMENT, FUNCTIONS, type TFunctionName } from '../../../shared/functions';

const CONTEXT = { mailDomain: 'accord.example.police.uk', alarmEmail: 'ops@example.police.uk' };

/** The app as `cdk synth -c …` builds it; bundling is skipped here (the shipped-bundles test runs the real synth). */
const synthesize = (context: Record<string, string> = {}) => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...CONTEXT, ...context } });
  const settings = readDeploySettings(app);
  const env = { account: '123456789012', region: settings.region };
  const mail = new AccordMailStack(app, 'AccordMail', { env, settings });
  const stack = new AccordStack(app, 'Accord', { env, settings });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  const assembly = app.synth();
  return { assembly, template: Template.fromStack(stack), mailTemplate: Template.fromStack(mail) };
};

const { assembly, template, mailTemplate } = synthesize();

type TStatement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };
const logicalIdOf = (name: TFunctionName) =>
  Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith(`${name[0]!.toUpperCase()}${name.slice(1)}Function`))![0];
const statementsOf = (name: TFunctionName): TStatement[] => {
  const roleId = (template.findResources('AWS::Lambda::Function')[logicalIdOf(name)]!.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as TStatement[]);
};
const actionsOf = (statements: TStatement[]) => statements.flatMap((statement) => [statement.Action].flat());

describe('deploy settings', () => {
  it('refuses to build without a mail domain or an alarm address, naming the context value to set', () => {
    const app = new App({ context: {} });
    expect(() => readDeploySettings(app)).toThrow(/context mailDomain: set -c mailDomain=/);
    expect(() => readDeploySettings(app)).toThrow(/context alarmEmail: set -c alarmEmail=/);
  });

  it('deploys to eu-west-2 unless the context says otherwise, whatever the CLI profile region', () => {
    process.env.CDK_DEFAULT_REGION = 'us-east-1';
    expect(readDeploySettings(new App({ context: CONTEXT })).region).toBe('eu-west-2');
    expect(readDeploySettings(new App({ context: { ...CONTEXT, region: 'eu-west-1' } })).region).toBe('eu-west-1');
    delete process.env.CDK_DEFAULT_REGION;
  });

  it('wants a custom domain and its certificate together, the certificate in the deployment region', () => {
    expect(() => readDeploySettings(new App({ context: { ...CONTEXT, domainName: 'accord.example.police.uk' } }))).toThrow(/certificateArn/);
    const usEast = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';
    expect(() => readDeploySettings(new App({ context: { ...CONTEXT, domainName: 'accord.example.police.uk', certificateArn: usEast } }))).toThrow(
      /context certificateArn: the certificate must be in the region/,
    );
  });

  it('refuses a mail domain that can never receive mail: reserved example and test names, the README placeholder', () => {
    for (const mailDomain of ['example.com', 'accord.example.org', 'mail.test', 'accord.localhost', 'accord.your-force.police.uk']) {
      expect(() => readDeploySettings(new App({ context: { ...CONTEXT, mailDomain } })), mailDomain).toThrow(/context mailDomain: a real domain/);
    }
  });
});

describe('the AWS stack', () => {
  it('builds the table from the shared definition, protected and streamed', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_DEFINITION.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_DEFINITION.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.timeToLiveAttribute, Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    const [table] = Object.values(template.findResources('AWS::DynamoDB::Table'));
    const indexes = (table!.Properties.GlobalSecondaryIndexes as { IndexName: string; KeySchema: { AttributeName: string }[] }[]).map(
      (index) => [index.IndexName, ...index.KeySchema.map((key) => key.AttributeName)],
    );
    expect(indexes).toEqual(Object.values(TABLE_DEFINITION.indexes).map((index) => [index.indexName, index.partitionKey, index.sortKey]));
  });

  it('gives each function exactly the variables of the settings it reads, and the local stack the same settings', () => {
    for (const name of Object.keys(FUNCTIONS) as TFunctionName[]) {
      const fn = template.findResources('AWS::Lambda::Function')[logicalIdOf(name)]!;
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      const variables = Object.keys(fn.Properties.Environment.Variables as object).sort();
      expect(variables, name).toEqual(['NODE_OPTIONS', ...Object.keys(FUNCTION_ENVIRONMENT), ...variablesFor(FUNCTIONS[name].settings, 'aws')].sort());
      // The local stack gives the same function the local variables of the same settings, and no others.
      const everyLocalValue = Object.fromEntries(Object.keys(FUNCTIONS).flatMap((other) => variablesFor(FUNCTIONS[other as TFunctionName].settings, 'local')).map((v) => [v, 'x']));
      expect(Object.keys(localEnvironment(name, everyLocalValue, { AWS_REGION: 'eu-west-2' })).sort(), name).toEqual(
        ['AWS_REGION', ...Object.keys(FUNCTION_ENVIRONMENT), ...variablesFor(FUNCTIONS[name].settings, 'local')].sort(),
      );
    }
    expect(() => localEnvironment('outboxSender', {}, {})).toThrow(/no value for TABLE_NAME/);
  });

  it("grants each function only the table actions and indexes it declares: nobody scans, the public signing function cannot delete", () => {
    const tableId = Object.keys(template.findResources('AWS::DynamoDB::Table'))[0]!;
    for (const name of Object.keys(FUNCTIONS) as TFunctionName[]) {
      const statements = statementsOf(name);
      const onTable = statements.filter((statement) => JSON.stringify(statement.Resource) === JSON.stringify({ 'Fn::GetAtt': [tableId, 'Arn'] }));
      expect(actionsOf(onTable).sort(), name).toEqual(FUNCTIONS[name].table.actions.map((action) => `dynamodb:${action}`).sort());
      const indexes = JSON.stringify(statements.filter((statement) => JSON.stringify(statement.Resource).includes('/index/')));
      for (const index of Object.values(TABLE_DEFINITION.indexes)) {
        expect(indexes.includes(`/index/${index.indexName}"`), `${name} ${index.indexName}`).toBe(
          (FUNCTIONS[name].table.indexes as readonly string[]).some((declared) => TABLE_DEFINITION.indexes[declared as keyof typeof TABLE_DEFINITION.indexes].indexName === index.indexName),
        );
      }
      expect(actionsOf(statements)).not.toContain('dynamodb:Scan');
      expect(actionsOf(statements).some((action) => action.endsWith('*'))).toBe(false);
    }
    expect(actionsOf(statementsOf('signing'))).not.toContain('dynamodb:DeleteItem');
    expect(FUNCTIONS.dailyJob.table.indexes).toEqual(['dueWork']);
    // Only the workspace deletes, and only its sessions.
    expect(actionsOf(statementsOf('api'))).not.toContain('dynamodb:DeleteItem');
    const deletes = statementsOf('workspace').filter((statement) => actionsOf([statement]).includes('dynamodb:DeleteItem'));
    expect(deletes).toHaveLength(1);
    expect(deletes[0]).toMatchObject({ Action: 'dynamodb:DeleteItem', Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SESSION#*'] } } });
  });

  it('gives each function a role of its own that writes only to its own log group', () => {
    for (const name of Object.keys(FUNCTIONS) as TFunctionName[]) {
      const roleId = (template.findResources('AWS::Lambda::Function')[logicalIdOf(name)]!.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
      expect(template.findResources('AWS::IAM::Role')[roleId]!.Properties.ManagedPolicyArns, name).toBeUndefined();
      const logs = statementsOf(name).filter((statement) => actionsOf([statement]).some((action) => action.startsWith('logs:')));
      expect(JSON.stringify(logs.map((statement) => statement.Resource)), name).toContain(`${name[0]!.toUpperCase()}${name.slice(1)}FunctionLogs`);
    }
  });

  it('lets only the outbox sender send mail, from the mail domain and its configuration set', () => {
    for (const name of Object.keys(FUNCTIONS) as TFunctionName[]) {
      const sending = statementsOf(name).filter((statement) => actionsOf([statement]).includes('ses:SendEmail'));
      if (name !== 'outboxSender') {
        expect(sending, name).toEqual([]);
        continue;
      }
      expect(JSON.stringify(sending[0]!.Resource)).toContain(':identity/accord.example.police.uk');
      expect(JSON.stringify(sending[0]!.Resource)).toContain(':configuration-set/');
    }
  });

  it('signs in with the code flow only, refreshes past an hour, keeps the workspace client confidential, and lets no user write what grants access', () => {
    const clients = Object.entries(template.findResources('AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(2);
    for (const [, client] of clients) {
      expect(client.Properties).toMatchObject({
        AllowedOAuthFlows: ['code'],
        ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
        WriteAttributes: ['name'],
        IdTokenValidity: 60,
        RefreshTokenValidity: 720,
        EnableTokenRevocation: true,
      });
      expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining(['custom:agencies', 'email', 'email_verified']));
    }
    const [workspaceId, workspace] = clients.find(([, client]) => client.Properties.GenerateSecret === true)!;
    expect(workspace.Properties.CallbackURLs).toHaveLength(1);
    expect(JSON.stringify(workspace.Properties.CallbackURLs)).toContain('/app/auth/callback');
    // Its secret goes to Secrets Manager, and only the workspace may read it.
    template.hasResourceProperties('AWS::SecretsManager::Secret', { SecretString: { 'Fn::GetAtt': [workspaceId, 'ClientSecret'] } });
    const workspaceFunction = Object.values(template.findResources('AWS::Lambda::Function')).find((fn) => fn.Properties.Environment?.Variables?.COGNITO_WORKSPACE_CLIENT_SECRET_ARN);
    expect(workspaceFunction!.Properties.Description).toContain('workspace');
  });

  it('lets only the workspace manage the legal teams’ accounts, and only in its own user pool', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) => JSON.stringify(policy).includes('cognito-idp:AdminCreateUser'));
    expect(policies).toHaveLength(1);
    expect(JSON.stringify(policies[0]!.Properties.Roles)).toMatch(/Workspace/);
    const statement = policies[0]!.Properties.PolicyDocument.Statement.find((candidate: { Action: string[] }) => JSON.stringify(candidate.Action).includes('AdminCreateUser'));
    expect(statement.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^LegalTeams/), 'Arn'] });
    expect(statement.Action).toEqual(expect.arrayContaining(['cognito-idp:AdminDisableUser', 'cognito-idp:AdminUserGlobalSignOut']));
    expect(statement.Action).not.toContain('cognito-idp:AdminDeleteUser');
  });

  it('recovers accounts by email only and sends Cognito mail through SES from the mail domain', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      EmailConfiguration: Match.objectLike({ EmailSendingAccount: 'DEVELOPER', From: 'Accord <accord@accord.example.police.uk>' }),
    });
    for (const role of ['viewer', 'editor', 'admin']) template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
  });

  it('keeps the signing keyring when the stack is deleted, starting it with one key id', () => {
    template.hasResource('AWS::SecretsManager::Secret', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        GenerateSecretString: Match.objectLike({ SecretStringTemplate: JSON.stringify({ currentKeyId: 'k1' }), GenerateStringKey: 'k1' }),
      }),
    });
  });

  it('emails alarms to alarmEmail and outputs the topic', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.police.uk', RedrivePolicy: Match.anyValue() });
    template.hasOutput('AlarmTopicArn', Match.anyValue());
  });

  it('keeps a failed daily run, a failed bounce notice and a failed outbox batch for a person, and alarms on each and on undelivered email', () => {
    const asyncConfigs = Object.values(template.findResources('AWS::Lambda::EventInvokeConfig'));
    expect(asyncConfigs.map((config) => JSON.stringify(config.Properties.FunctionName)).sort()).toEqual(
      [logicalIdOf('dailyJob'), logicalIdOf('sesEvents'), logicalIdOf('documents')].map((id) => JSON.stringify({ Ref: id })).sort(),
    );
    for (const config of asyncConfigs) expect(config.Properties.DestinationConfig.OnFailure.Destination).toBeDefined();
    const bucketId = Object.keys(template.findResources('AWS::S3::Bucket', { Properties: { MetricsConfigurations: Match.anyValue() } }))[0]!;
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['outbox', 'webhook_event'] } } } }) }] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [bucketId, 'Arn'] } } },
    });
    const alarmed = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => JSON.stringify(alarm.Properties));
    expect(alarmed.some((alarm) => alarm.includes('"MetricName":"EmailsUndelivered"') && alarm.includes('"Namespace":"Accord"'))).toBe(true);
    expect(alarmed.some((alarm) => alarm.includes('"MetricName":"PutRequests"') && alarm.includes(bucketId))).toBe(true);
    expect(alarmed.some((alarm) => alarm.includes('"MetricName":"EmailsDeferred"') && alarm.includes('"EvaluationPeriods":3'))).toBe(true);
    expect(alarmed.filter((alarm) => alarm.includes('ApproximateNumberOfMessagesVisible'))).toHaveLength(8);
    for (const alarm of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });

  it('keeps the documents in an encrypted, versioned, private, TLS-only bucket retained with the stack, sealed by a KMS key that never leaves KMS', () => {
    const buckets = template.findResources('AWS::S3::Bucket', { Properties: { CorsConfiguration: Match.anyValue() } });
    const [bucketId, bucket] = Object.entries(buckets)[0]!;
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    // Bytes refused or taken off a draft do not live on as old versions.
    expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([expect.objectContaining({ Prefix: 'attachments/', NoncurrentVersionExpiration: { NoncurrentDays: 1 }, ExpiredObjectDeleteMarker: true })]),
    );
    const policy = Object.values(template.findResources('AWS::S3::BucketPolicy')).find((candidate) => JSON.stringify(candidate.Properties.Bucket) === JSON.stringify({ Ref: bucketId }))!;
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' } });
    // Only the documents function may sign with the seal.
    const signers = Object.values(template.findResources('AWS::IAM::Policy')).filter((candidate) => JSON.stringify(candidate).includes('kms:Sign'));
    expect(signers).toHaveLength(1);
    expect(JSON.stringify(signers[0]!.Properties.Roles)).toContain('DocumentsFunctionRole');
  });

  it('runs the daily job at 09:00 London time with its scheduled time as input, retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 9 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/London',
      Target: Match.objectLike({
        Input: JSON.stringify({ time: '<aws.scheduler.scheduled-time>' }),
        RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 21600 },
        DeadLetterConfig: { Arn: Match.anyValue() },
      }),
    });
  });

  it('sweeps the outbox every five minutes with its scheduled time as input, so email retries are made', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [logicalIdOf('outboxSender'), 'Arn'] },
        Input: JSON.stringify({ time: '<aws.scheduler.scheduled-time>' }),
        DeadLetterConfig: { Arn: Match.anyValue() },
      }),
    });
  });

  it('throttles the stage, and the public routes (signing, register, verify) harder', () => {
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    expect(stage!.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 });
    const routeSettings = stage!.Properties.RouteSettings as Record<string, { ThrottlingRateLimit: number }>;
    for (const key of ['GET /sign/{token}', 'POST /sign/{token}', 'GET /register', 'GET /register.csv', 'GET /verify/{sha256}']) {
      expect(routeSettings[key]?.ThrottlingRateLimit, key).toBe(10);
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key });
    }
    expect(routeSettings['ANY /{proxy+}']).toBeUndefined();
  });

  it('outputs every address a person needs, and the DNS records that verify the mail domain', () => {
    for (const name of ['ApiUrl', 'WorkspaceUrl', 'RegisterUrl', 'SignInUrl', 'UserPoolId', 'AlarmTopicArn', 'SigningKeySecretArn', 'FailedOutboxBatchesBucket']) {
      template.hasOutput(name, Match.anyValue());
    }
    for (const n of [1, 2, 3]) expect(JSON.stringify(mailTemplate.findOutputs(`DkimRecord${n}`))).toContain(' CNAME ');
    mailTemplate.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'accord.example.police.uk' });
  });

  it('serves a custom domain with its certificate, and links point there', () => {
    const custom = synthesize({ domainName: 'accord.example.police.uk', certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc' }).template;
    custom.hasResourceProperties('AWS::ApiGatewayV2::DomainName', { DomainName: 'accord.example.police.uk' });
    custom.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    custom.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ PUBLIC_BASE_URL: 'https://accord.example.police.uk' }) },
    });
    custom.hasOutput('CustomDomainTarget', Match.anyValue());
  });

  it('passes the cdk-nag AwsSolutions and Serverless packs, every acknowledgement carrying a reason', () => {
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: { pluginName: string; violations: unknown[]; suppressedViolations: { reason: string }[] }[];
    };
    expect(report.pluginReports.map((plugin) => plugin.pluginName)).toEqual(expect.arrayContaining(['AwsSolutions', 'Serverless']));
    for (const plugin of report.pluginReports) {
      expect(plugin.violations, plugin.pluginName).toEqual([]);
      for (const suppressed of plugin.suppressedViolations) expect(suppressed.reason.length).toBeGreaterThan(40);
    }
  });
});
