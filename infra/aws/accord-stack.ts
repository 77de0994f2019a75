import { CfnOutput, Duration, RemovalPolicy, Stack, TimeZone, Validations, type StackProps } from 'aws-cdk-lib';
import type { CfnStage} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { FeaturePlan, Mfa, OAuthScope, StandardThreatProtectionMode, StringAttribute, UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Alarm, TreatMissingData, type Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, BillingMode, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { OUTBOX_STREAM_FILTER } from '../../shared/db/outbox-repository';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { TABLE_DEFINITION } from '../../shared/db/table-definition';
import { ROLES } from '../../shared/domain/user';
import { AGENCIES_CLAIM } from '../../shared/http/auth';
import { HTTP_FUNCTIONS } from '../../shared/http/function-routes';
import { AccordFunction } from './accord-function';

export type TAccordStackProps = StackProps & {
  /** The public address of the API (a custom domain); defaults to the HTTP API's own URL. */
  publicBaseUrl?: string;
};

const string = (name: string) => ({ name, type: AttributeType.STRING });

/** Accord in one stack (SPEC §10). Later issues add the signing, outbox and scheduled functions. */
export class AccordStack extends Stack {
  constructor(scope: Construct, id: string, props: TAccordStackProps = {}) {
    super(scope, id, props);

    const table = new Table(this, 'Table', {
      partitionKey: string(TABLE_DEFINITION.partitionKey),
      sortKey: string(TABLE_DEFINITION.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: TABLE_DEFINITION.timeToLiveAttribute,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of Object.values(TABLE_DEFINITION.indexes)) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: string(index.partitionKey),
        sortKey: string(index.sortKey),
      });
    }

    // Legal-team accounts: role by group, agencies in a custom attribute the ID token carries.
    const userPool = new UserPool(this, 'LegalTeams', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: { [AGENCIES_CLAIM.replace('custom:', '')]: new StringAttribute({ mutable: true, maxLen: 2048 }) },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const role of ROLES) {
      userPool.addGroup(`Group-${role}`, { groupName: role, description: `Accord ${role}` });
    }
    const httpApi = new HttpApi(this, 'HttpApi', { description: 'Accord API and pages' });
    const publicBaseUrl = props.publicBaseUrl ?? httpApi.apiEndpoint;

    // The dashboard signs in through Cognito's hosted UI and gets an ID token back at /app/.
    const signInDomain = userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: (this.node.tryGetContext('signInDomainPrefix') as string | undefined) ?? `accord-${this.account}` },
    });
    const userPoolClient = new UserPoolClient(this, 'DashboardClient', {
      userPool,
      authFlows: { userSrp: true },
      idTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
      oAuth: {
        flows: { implicitCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL],
        callbackUrls: [`${publicBaseUrl}/app/`],
        logoutUrls: [`${publicBaseUrl}/app/`],
      },
    });
    const accessLogs = new LogGroup(this, 'HttpApiAccessLogs', { retention: RetentionDays.THREE_MONTHS });
    const stage = httpApi.defaultStage!.node.defaultChild as CfnStage;
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      // No path: a signing link carries its token in the path, and tokens never reach logs.
      format: JSON.stringify({
        requestId: '$context.requestId',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latencyMs: '$context.responseLatency',
        integrationError: '$context.integrationErrorMessage',
      }),
    };
    // Signing links are HMACs of their request ids under this key; only hashes are stored.
    const signingKey = new Secret(this, 'SigningKey', {
      description: 'Key that Accord signing-link tokens are derived from',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });

    const mailFromDomain = (this.node.tryGetContext('mailFromDomain') as string | undefined) ?? 'accord.example.gov.uk';
    const emailIdentity = new EmailIdentity(this, 'MailIdentity', { identity: Identity.domain(mailFromDomain) });
    const configurationSet = new ConfigurationSet(this, 'MailConfiguration', { reputationMetrics: true });

    const common = {
      TABLE_NAME: table.tableName,
      PUBLIC_BASE_URL: publicBaseUrl,
      SIGNING_KEY_SECRET_ARN: signingKey.secretArn,
    };
    const api = new AccordFunction(this, 'ApiFunction', {
      entry: HTTP_FUNCTIONS.api.entry,
      description: HTTP_FUNCTIONS.api.description,
      environment: {
        ...common,
        COGNITO_USER_POOL_ID: userPool.userPoolId,
        COGNITO_CLIENT_ID: userPoolClient.userPoolClientId,
        COGNITO_DOMAIN_URL: signInDomain.baseUrl(),
      },
    });
    const signing = new AccordFunction(this, 'SigningFunction', {
      entry: HTTP_FUNCTIONS.signing.entry,
      description: HTTP_FUNCTIONS.signing.description,
      environment: common,
    });
    const outboxSender = new AccordFunction(this, 'OutboxSenderFunction', {
      entry: 'functions/outbox-sender/handler.ts',
      description: 'Sends the emails of the transactional outbox from the table stream',
      timeout: Duration.seconds(60),
      environment: { ...common, MAIL_FROM: `Accord <accord@${mailFromDomain}>`, SES_CONFIGURATION_SET: configurationSet.configurationSetName },
    });
    for (const fn of [api, signing, outboxSender]) {
      table.grantReadWriteData(fn);
      signingKey.grantRead(fn);
    }
    outboxSender.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          this.formatArn({ service: 'ses', resource: 'identity', resourceName: emailIdentity.emailIdentityName }),
          this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSet.configurationSetName }),
        ],
      }),
    );
    const dailyJob = new AccordFunction(this, 'DailyJobFunction', {
      entry: 'functions/daily-job/handler.ts',
      description: 'Daily: review reminders, overdue escalation, signature reminders, link and agreement expiry',
      timeout: Duration.minutes(15),
      environment: common,
    });
    table.grantReadWriteData(dailyJob);
    const deadLetterQueue = (id: string) =>
      new Queue(this, id, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    const dailyJobDeadLetters = deadLetterQueue('DailyJobDeadLetters');
    // 09:00 London, whatever the season; the job takes its "now" from the scheduled time.
    new Schedule(this, 'DailySchedule', {
      description: 'Accord daily job',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '9', timeZone: TimeZone.EUROPE_LONDON }),
      target: new LambdaInvoke(dailyJob, {
        input: ScheduleTargetInput.fromObject({ time: ContextAttribute.scheduledTime }),
        retryAttempts: 5,
        maxEventAge: Duration.hours(6),
        deadLetterQueue: dailyJobDeadLetters,
      }),
    });

    const outboxDeadLetters = deadLetterQueue('OutboxDeadLetters');
    outboxSender.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 8,
        onFailure: new SqsDlq(outboxDeadLetters),
        filters: [FilterCriteria.filter(OUTBOX_STREAM_FILTER as unknown as Record<string, unknown>)],
      }),
    );
    // A key of our own: SES and CloudWatch cannot publish to topics under the AWS-managed SNS key.
    const notificationsKey = new Key(this, 'NotificationsKey', { enableKeyRotation: true, description: 'Accord SNS topics' });
    for (const service of ['ses.amazonaws.com', 'cloudwatch.amazonaws.com']) {
      notificationsKey.grant(new ServicePrincipal(service), 'kms:GenerateDataKey*', 'kms:Decrypt');
    }
    const alarms = new Topic(this, 'Alarms', { enforceSSL: true, masterKey: notificationsKey });

    // SES bounces and complaints mark the address on its agreement (SPEC §6).
    const sesEventsTopic = new Topic(this, 'SesEvents', { enforceSSL: true, masterKey: notificationsKey });
    configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(sesEventsTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    const sesEvents = new AccordFunction(this, 'SesEventsFunction', {
      entry: 'functions/ses-events/handler.ts',
      description: 'Records SES bounces and complaints on their agreements',
      environment: common,
    });
    table.grantReadWriteData(sesEvents);
    const sesEventsDeadLetters = deadLetterQueue('SesEventsDeadLetters');
    sesEventsTopic.addSubscription(new LambdaSubscription(sesEvents, { deadLetterQueue: sesEventsDeadLetters }));
    /** Alarms on the first occurrence in five minutes, to the alarms topic. */
    const alarmOnAny = (id: string, alarmDescription: string, metric: Metric) =>
      new Alarm(this, id, { alarmDescription, metric, threshold: 1, evaluationPeriods: 1, treatMissingData: TreatMissingData.NOT_BREACHING }).addAlarmAction(
        new SnsAction(alarms),
      );
    const fiveMinutes = { period: Duration.minutes(5) };
    alarmOnAny(
      'DailyJobDeadLettersAlarm',
      'A daily job run failed after retries: reminders may not have gone out',
      dailyJobDeadLetters.metricApproximateNumberOfMessagesVisible(fiveMinutes),
    );
    alarmOnAny(
      'OutboxDeadLettersAlarm',
      'Outbox records gave up after retries: emails may not have gone out',
      outboxDeadLetters.metricApproximateNumberOfMessagesVisible(fiveMinutes),
    );
    alarmOnAny(
      'SesEventsDeadLettersAlarm',
      'Bounce or complaint notifications could not be recorded',
      sesEventsDeadLetters.metricApproximateNumberOfMessagesVisible(fiveMinutes),
    );
    for (const [name, fn] of Object.entries({ api, signing, outboxSender, dailyJob, sesEvents })) {
      alarmOnAny(`${name}ErrorsAlarm`, `${name} function errors`, fn.metricErrors(fiveMinutes));
    }

    const functions = { api, signing };
    for (const [name, definition] of Object.entries(HTTP_FUNCTIONS)) {
      const integration = new HttpLambdaIntegration(`${name}Integration`, functions[name as keyof typeof functions]);
      for (const route of definition.routes) {
        httpApi.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
      }
    }

    new CfnOutput(this, 'ApiUrl', { value: httpApi.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: userPoolClient.userPoolClientId });

    // Every acknowledged cdk-nag finding, with the reason it is acceptable.
    for (const fn of [api, signing, outboxSender, dailyJob, sesEvents]) {
      Validations.of(fn).acknowledge(
        {
          id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: 'AWSLambdaBasicExecutionRole only lets a function write its own logs.',
        },
        {
          id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
          reason: "X-Ray's PutTraceSegments and PutTelemetryRecords cannot be scoped to a resource.",
        },
        {
          id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${this.getLogicalId(table.node.defaultChild as never)}.Arn>/index/*]`,
          reason: "Queries on the table's own global secondary indexes (list pages, due work) need table/index/*.",
        },
        {
          id: 'AwsSolutions::AwsSolutions-L1',
          reason: 'Accord targets the nodejs22.x runtime on purpose: it is the line the code is built and tested for.',
        },
      );
    }
    Validations.of(signingKey).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason: 'Rotating the signing-link key would invalidate every link already emailed; it is rotated by a planned runbook instead.',
    });
    Validations.of(this).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${this.getLogicalId(dailyJob.node.defaultChild as never)}.Arn>:*]`,
      reason: "The scheduler's role may invoke any version of the daily job function, and only that function.",
    });
    for (const deadLetters of [outboxDeadLetters, dailyJobDeadLetters, sesEventsDeadLetters]) {
      Validations.of(deadLetters).acknowledge({
        id: 'AwsSolutions::AwsSolutions-SQS3',
        reason: 'This queue is itself a dead-letter queue (outbox sender, daily schedule, SES events).',
      });
    }
    Validations.of(httpApi).acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG4',
      reason:
        'Legal-team routes verify the Cognito ID token in the function with aws-jwt-verify, so the local stack runs the same check; health, OpenAPI, register, verify and signing routes are public by design.',
    });
  }
}
