import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { AccordStack } from '../../../infra/aws/accord-stack';
import { TABLE_DEFINITION } from '../../../shared/db/table-definition';

// Bundling is skipped here (esbuild output is measured by `npm run bench` and `cdk synth`).
const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
const stack = new AccordStack(app, 'Accord', { env: { account: '123456789012', region: 'eu-west-2' } });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const assembly = app.synth();
const template = Template.fromStack(stack);

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
    expect(indexes).toEqual(
      Object.values(TABLE_DEFINITION.indexes).map((index) => [index.indexName, index.partitionKey, index.sortKey]),
    );
  });

  it('runs the API on nodejs22.x ARM64 with the configuration it validates at cold start', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: { Ref: Match.anyValue() },
          COGNITO_USER_POOL_ID: { Ref: Match.anyValue() },
          COGNITO_CLIENT_ID: { Ref: Match.anyValue() },
          PUBLIC_BASE_URL: Match.anyValue(),
        }),
      },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /{proxy+}' });
  });

  it('routes signing pages to their own function and feeds the outbox sender only new outbox items', () => {
    for (const method of ['GET', 'HEAD', 'POST']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: `${method} /sign/{token}` });
    }
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['outbox'] } } } }) }] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Action: 'ses:SendEmail', Effect: 'Allow' })]),
      },
    });
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

  it('sends SES bounces and complaints through an encrypted topic to the function that records them', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ MatchingEventTypes: ['bounce', 'complaint'], SnsDestination: Match.anyValue() }),
    });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', RedrivePolicy: Match.anyValue() });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('gives the legal teams a Cognito pool with a group per role and MFA required', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'ON' });
    for (const role of ['viewer', 'editor', 'admin']) {
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
    }
  });

  it('passes the cdk-nag AwsSolutions pack, every acknowledgement carrying a reason', () => {
    const report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8')) as {
      pluginReports: { violations: unknown[]; suppressedViolations: { reason: string }[] }[];
    };
    expect(report.pluginReports[0]!.violations).toEqual([]);
    for (const suppressed of report.pluginReports[0]!.suppressedViolations) expect(suppressed.reason.length).toBeGreaterThan(20);
  });
});
