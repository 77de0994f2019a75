import { CfnOutput, Duration, RemovalPolicy, SecretValue, Stack, TimeZone, Validations, type StackProps } from 'aws-cdk-lib';
import { DomainName, HttpApi, HttpMethod, type CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolClientIdentityProvider,
  UserPoolEmail,
  type CfnUserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IEventSourceDlq } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, EventType, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { TSettingName } from '../../shared/config';
import { OUTBOX_STREAM_FILTER } from '../../shared/db/outbox-repository';
import { IN_FORCE_STREAM_FILTER } from '../../shared/db/audit-trail';
import { ATTACHMENTS_PREFIX } from '../../shared/domain/agreement/attachments';
import { TABLE_DEFINITION } from '../../shared/db/table-definition';
import { ROLES } from '../../shared/domain/user';
import { FUNCTIONS, HTTP_FUNCTION_NAMES, type TFunctionDefinition } from '../../shared/functions';
import { AGENCIES_CLAIM } from '../../shared/http/auth';
import { AccordFunction, type TSettingProvider } from './accord-function';
import type { TDeploySettings } from './deploy-settings';

/** The first key of a new signing keyring; see docs/runbooks/rotate-signing-key.md. */
export const INITIAL_SIGNING_KEY_ID = 'k1';

const RUNTIME_PINNED =
  'Accord pins nodejs22.x, the runtime its bundles are built for (esbuild target node22), rather than following the newest runtime unreviewed; moving to another is a deliberate, tested change.';

/** Requests per second, steady and burst: the whole stage, and each public route (signing, register, verify). */
const STAGE_THROTTLE = { rate: 100, burst: 200 };
/** Where a command-line tool signing in for the JSON API listens for Cognito's redirect. */
const API_TOOL_CALLBACK = 'http://localhost:8400/callback';
const PUBLIC_ROUTE_THROTTLE = { rate: 10, burst: 20 };

export type TAccordStackProps = StackProps & { settings: TDeploySettings };

const string = (name: string) => ({ name, type: AttributeType.STRING });

/**
 * The SES identity Accord sends from, in a stack of its own: Cognito will only create a user pool
 * that mails through SES once the identity is verified, and verifying it takes the DNS records
 * this stack outputs. Deploy it first (README, "Deploying").
 */
export class AccordMailStack extends Stack {
  constructor(scope: Construct, id: string, props: TAccordStackProps) {
    super(scope, id, props);
    const identity = new EmailIdentity(this, 'MailIdentity', { identity: Identity.domain(props.settings.mailDomain) });
    identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        description: `DNS record ${index + 1} of 3 that verifies ${props.settings.mailDomain} for SES (CNAME name = value)`,
        value: `${record.name} CNAME ${record.value}`,
      });
    });
  }
}

/**
 * Lambda's S3 on-failure destination for a stream, with only the two permissions it documents
 * (CDK's own grants read, list and delete on the whole bucket).
 */
const failedBatchDestination = (bucket: Bucket): IEventSourceDlq => ({
  bind: (_mapping, handler) => {
    handler.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [bucket.arnForObjects('*')] }));
    handler.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    return { destination: bucket.bucketArn };
  },
});

/** Accord in one stack: API, pages, sign-off, outbox, daily job, accounts, alarms. */
export class AccordStack extends Stack {
  constructor(scope: Construct, id: string, props: TAccordStackProps) {
    super(scope, id, props);
    const { settings } = props;

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
        projectionType: ProjectionType.INCLUDE,
        nonKeyAttributes: [...new Set(index.projects)],
      });
    }

    // A key of our own: SES and CloudWatch cannot publish to topics under the AWS-managed SNS key.
    const notificationsKey = new Key(this, 'NotificationsKey', { enableKeyRotation: true, description: 'Accord SNS topics' });
    for (const service of ['ses.amazonaws.com', 'cloudwatch.amazonaws.com']) {
      notificationsKey.addToResourcePolicy(
        new PolicyStatement({
          principals: [new ServicePrincipal(service)],
          actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          resources: ['*'],
          // Only on behalf of this account: no other account's SES or CloudWatch may use the key.
          conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
        }),
      );
    }
    const alarms = new Topic(this, 'Alarms', { enforceSSL: true, masterKey: notificationsKey });
    const alarmEmailDeadLetters = this.deadLetterQueue('AlarmEmailDeadLetters');
    alarms.addSubscription(new EmailSubscription(settings.alarmEmail, { deadLetterQueue: alarmEmailDeadLetters }));

    // Legal-team accounts: role by group, agencies in a custom attribute the ID token carries.
    const mailDomain = settings.mailDomain;
    const userPool = new UserPool(this, 'LegalTeams', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      // An address is one account whatever its case: the workspace finds accounts by email.
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: { [AGENCIES_CLAIM.replace('custom:', '')]: new StringAttribute({ mutable: true, maxLen: 2048 }) },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Invitations and password resets come from Accord's own domain, through SES.
      email: UserPoolEmail.withSES({ fromEmail: `accord@${mailDomain}`, fromName: 'Accord', sesVerifiedDomain: mailDomain, sesRegion: this.region }),
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const role of ROLES) userPool.addGroup(`Group-${role}`, { groupName: role, description: `Accord ${role}` });

    const customDomain =
      settings.domainName && settings.certificateArn
        ? new DomainName(this, 'ApiDomain', {
            domainName: settings.domainName,
            certificate: Certificate.fromCertificateArn(this, 'ApiCertificate', settings.certificateArn),
          })
        : undefined;
    const httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Accord API and pages',
      ...(customDomain ? { defaultDomainMapping: { domainName: customDomain }, disableExecuteApiEndpoint: true } : {}),
    });
    const publicBaseUrl = settings.domainName ? `https://${settings.domainName}` : httpApi.apiEndpoint;

    const signInDomain = userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: settings.signInDomainPrefix ?? `accord-${this.account}` },
    });
    const appClient = (id: string, options: { confidential: boolean; callbackUrls: string[]; logoutUrls: string[] }) => {
      const client = new UserPoolClient(this, id, {
        userPool,
        generateSecret: options.confidential,
        supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
        idTokenValidity: Duration.hours(1),
        accessTokenValidity: Duration.hours(1),
        refreshTokenValidity: Duration.hours(12),
        enableTokenRevocation: true,
        preventUserExistenceErrors: true,
        oAuth: {
          flows: { authorizationCodeGrant: true },
          scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
          callbackUrls: options.callbackUrls,
          logoutUrls: options.logoutUrls,
        },
        readAttributes: new ClientAttributes()
          .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
          .withCustomAttributes(AGENCIES_CLAIM.replace('custom:', '')),
        // A user may change their display name and nothing else: not their email (their identity in
        // Accord), not their agencies. Groups are never client-writable.
        writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
      });
      // Sign-in happens in the managed login pages; the client itself only ever refreshes tokens.
      (client.node.defaultChild as CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];
      return client;
    };
    // The workspace signs in on the server (functions/workspace/session.ts): a confidential client,
    // code flow with PKCE, its secret kept in Secrets Manager and read only by the workspace.
    const workspaceClient = appClient('WorkspaceClient', {
      confidential: true,
      callbackUrls: [`${publicBaseUrl}/app/auth/callback`],
      logoutUrls: [`${publicBaseUrl}/app/signed-out`],
    });
    const workspaceClientSecret = new Secret(this, 'WorkspaceClientSecret', {
      description: 'Accord: the workspace app client secret (Cognito)',
      secretStringValue: SecretValue.resourceAttribute((workspaceClient.node.defaultChild as CfnUserPoolClient).attrClientSecret),
    });
    // Tools that call the JSON API sign in as a user with the code flow and PKCE, through a loopback
    // redirect (RFC 8252): a public client, which holds no secret.
    const apiClient = appClient('ApiClient', {
      confidential: false,
      callbackUrls: [API_TOOL_CALLBACK],
      logoutUrls: [API_TOOL_CALLBACK],
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

    // Signing links are HMACs of their request ids under a key of this keyring; only hashes are stored.
    // Kept when the stack goes: links already emailed must stay checkable, like the table they point into.
    // A stack created again over a retained table takes the retained keyring (-c signingKeySecretArn=…), so
    // reminders for links already sent still derive the right tokens.
    const signingKeys = settings.signingKeySecretArn
      ? Secret.fromSecretCompleteArn(this, 'SigningKey', settings.signingKeySecretArn)
      : new Secret(this, 'SigningKey', {
          description: 'Keyring that Accord signing-link tokens are derived from (docs/runbooks/rotate-signing-key.md)',
          generateSecretString: {
            secretStringTemplate: JSON.stringify({ currentKeyId: INITIAL_SIGNING_KEY_ID }),
            generateStringKey: INITIAL_SIGNING_KEY_ID,
            passwordLength: 64,
            excludePunctuation: true,
            includeSpace: false,
          },
          removalPolicy: RemovalPolicy.RETAIN,
        });

    const configurationSet = new ConfigurationSet(this, 'MailConfiguration', { reputationMetrics: true });
    const sendingResources = [
      this.formatArn({ service: 'ses', resource: 'identity', resourceName: mailDomain }),
      this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSet.configurationSetName }),
    ];

    const bucketAccessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The agreements' files and executed copies: evidence, kept with the stack like the table.
    const documentsBucket = new Bucket(this, 'Documents', {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      serverAccessLogsBucket: bucketAccessLogs,
      serverAccessLogsPrefix: 'documents/',
      // Browsers upload a draft's files straight to the bucket from the workspace.
      cors: [
        {
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: [publicBaseUrl],
          allowedHeaders: ['content-type', 'if-none-match', 'x-amz-checksum-sha256'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // Uploads refused or taken off a draft are deleted; versioning must not keep their bytes.
        { prefix: ATTACHMENTS_PREFIX, noncurrentVersionExpiration: Duration.days(1), expiredObjectDeleteMarker: true },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // The executed copies' seal: its private key never leaves KMS; kept with the stack, since copies it sealed stay checkable.
    const sealKey = new Key(this, 'SealKey', {
      description: 'Accord: seals executed copies (PAdES)',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    /** How this stack provides each setting a function may read, and the grant that goes with it. */
    const settingProviders: Record<TSettingName, TSettingProvider> = {
      table: { variables: { TABLE_NAME: table.tableName } },
      publicBaseUrl: { variables: { PUBLIC_BASE_URL: publicBaseUrl } },
      auth: { variables: { COGNITO_USER_POOL_ID: userPool.userPoolId, COGNITO_CLIENT_ID: `${apiClient.userPoolClientId},${workspaceClient.userPoolClientId}` } },
      workspaceSignIn: {
        variables: {
          COGNITO_DOMAIN_URL: signInDomain.baseUrl(),
          COGNITO_WORKSPACE_CLIENT_ID: workspaceClient.userPoolClientId,
          COGNITO_WORKSPACE_CLIENT_SECRET_ARN: workspaceClientSecret.secretArn,
        },
        grant: (fn) => workspaceClientSecret.grantRead(fn),
      },
      userDirectory: {
        variables: { COGNITO_USER_POOL_ID: userPool.userPoolId },
        grant: (fn) =>
          userPool.grant(
            fn,
            ...['ListUsers', 'ListUsersInGroup', 'AdminGetUser', 'AdminListGroupsForUser', 'AdminCreateUser', 'AdminAddUserToGroup', 'AdminRemoveUserFromGroup', 'AdminUpdateUserAttributes', 'AdminDeleteUserAttributes', 'AdminDisableUser', 'AdminEnableUser', 'AdminUserGlobalSignOut'].map((action) => `cognito-idp:${action}`),
          ),
      },
      signingKeys: { variables: { SIGNING_KEY_SECRET_ARN: signingKeys.secretArn }, grant: (fn) => signingKeys.grantRead(fn) },
      evidenceRetention: { variables: { EVIDENCE_RETENTION_DAYS: String(settings.evidenceRetentionDays) } },
      // No variable: deployed, webhooks go to public https addresses only.
      webhookDestinations: { variables: {} },
      documents: {
        variables: { DOCUMENTS_BUCKET: documentsBucket.bucketName },
        grant: (fn, definition) => {
          const under = (prefixes: readonly string[] = []) => prefixes.map((prefix) => documentsBucket.arnForObjects(`${prefix}*`));
          const grants = [
            { actions: ['s3:GetObject'], prefixes: definition.files?.read },
            { actions: ['s3:PutObject'], prefixes: definition.files?.write },
            { actions: ['s3:DeleteObject'], prefixes: definition.files?.delete },
          ];
          for (const { actions, prefixes } of grants) if (prefixes?.length) fn.addToRolePolicy(new PolicyStatement({ actions, resources: under(prefixes) }));
          // Without ListBucket S3 answers a missing object with 403, not 404: a function that reads may tell "absent" from "refused".
          if (definition.files?.read?.length) {
            fn.addToRolePolicy(
              new PolicyStatement({
                actions: ['s3:ListBucket'],
                resources: [documentsBucket.bucketArn],
                conditions: { StringLike: { 's3:prefix': definition.files.read.map((prefix) => `${prefix}*`) } },
              }),
            );
          }
        },
      },
      seal: {
        variables: { SEAL_KEY_ID: sealKey.keyArn },
        grant: (fn) => fn.addToRolePolicy(new PolicyStatement({ actions: ['kms:Sign', 'kms:GetPublicKey'], resources: [sealKey.keyArn] })),
      },
      mail: {
        variables: { MAIL_FROM: `Accord <accord@${mailDomain}>`, SES_CONFIGURATION_SET: configurationSet.configurationSetName },
        grant: (fn) => fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: sendingResources })),
      },
    };
    const common = { table, settings: settingProviders };
    const api = new AccordFunction(this, 'ApiFunction', { ...common, definition: FUNCTIONS.api });
    const signing = new AccordFunction(this, 'SigningFunction', { ...common, definition: FUNCTIONS.signing });
    const workspace = new AccordFunction(this, 'WorkspaceFunction', { ...common, definition: FUNCTIONS.workspace });
    const outboxSender = new AccordFunction(this, 'OutboxSenderFunction', { ...common, definition: FUNCTIONS.outboxSender });
    const dailyJobFailures = this.deadLetterQueue('DailyJobFailures');
    const dailyJob = new AccordFunction(this, 'DailyJobFunction', { ...common, definition: FUNCTIONS.dailyJob });
    // The scheduler invokes asynchronously: a run that fails after Lambda's own retries lands here.
    dailyJob.configureAsyncInvoke({ onFailure: new SqsDestination(dailyJobFailures), retryAttempts: 2, maxEventAge: Duration.hours(6) });
    const sesEventsFailures = this.deadLetterQueue('SesEventsFailures');
    const sesEvents = new AccordFunction(this, 'SesEventsFunction', { ...common, definition: FUNCTIONS.sesEvents });
    // SNS invokes asynchronously too: a notification that keeps failing is kept, not dropped.
    sesEvents.configureAsyncInvoke({ onFailure: new SqsDestination(sesEventsFailures), retryAttempts: 2 });

    // Checking a 25 MB upload and sealing a long agreement take memory and seconds, never a user's wait.
    const documentsFunction = new AccordFunction(this, 'DocumentsFunction', { ...common, definition: FUNCTIONS.documents, memorySize: 2048 });
    const uploadCheckFailures = this.deadLetterQueue('UploadCheckFailures');
    documentsFunction.configureAsyncInvoke({ onFailure: new SqsDestination(uploadCheckFailures), retryAttempts: 2 });
    documentsBucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(documentsFunction), { prefix: ATTACHMENTS_PREFIX });
    const sealingFailures = this.deadLetterQueue('SealingFailures');
    documentsFunction.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 1,
        reportBatchItemFailures: true,
        retryAttempts: 8,
        onFailure: new SqsDlq(sealingFailures),
        filters: [FilterCriteria.filter(IN_FORCE_STREAM_FILTER as unknown as Record<string, unknown>)],
      }),
    );

    // 09:00 London, whatever the season; the job takes its "now" from the scheduled time.
    const scheduleDeadLetters = this.deadLetterQueue('DailyScheduleDeadLetters');
    new Schedule(this, 'DailySchedule', {
      description: 'Accord daily job',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '9', timeZone: TimeZone.EUROPE_LONDON }),
      target: new LambdaInvoke(dailyJob, {
        input: ScheduleTargetInput.fromObject({ time: ContextAttribute.scheduledTime }),
        retryAttempts: 5,
        maxEventAge: Duration.hours(6),
        deadLetterQueue: scheduleDeadLetters,
      }),
    });

    // Every five minutes: email retries that have fallen due, and messages a sender or the stream left.
    const sweepDeadLetters = this.deadLetterQueue('OutboxSweepDeadLetters');
    new Schedule(this, 'OutboxSweepSchedule', {
      description: 'Accord outbox sweep',
      schedule: ScheduleExpression.rate(Duration.minutes(5)),
      target: new LambdaInvoke(outboxSender, {
        input: ScheduleTargetInput.fromObject({ time: ContextAttribute.scheduledTime }),
        retryAttempts: 2,
        maxEventAge: Duration.minutes(10),
        deadLetterQueue: sweepDeadLetters,
      }),
    });

    // A stream batch that fails for good is written whole (records included) to this bucket, to replay.
    const failedOutboxBatches = new Bucket(this, 'FailedOutboxBatches', {
      serverAccessLogsBucket: bucketAccessLogs,
      serverAccessLogsPrefix: 'failed-outbox-batches/',
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      // Outbox items live 30 days; a batch replayed later would find nothing to send.
      lifecycleRules: [{ expiration: Duration.days(30), noncurrentVersionExpiration: Duration.days(7) }],
      // Request metrics, so an alarm fires on the first batch written.
      metrics: [{ id: 'EntireBucket' }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    outboxSender.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 8,
        onFailure: failedBatchDestination(failedOutboxBatches),
        filters: [FilterCriteria.filter(OUTBOX_STREAM_FILTER as unknown as Record<string, unknown>)],
      }),
    );

    // SES bounces and complaints mark the address on its agreement.
    const sesEventsTopic = new Topic(this, 'SesEvents', { enforceSSL: true, masterKey: notificationsKey });
    configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(sesEventsTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    const sesEventsDeadLetters = this.deadLetterQueue('SesEventsDeadLetters');
    sesEventsTopic.addSubscription(new LambdaSubscription(sesEvents, { deadLetterQueue: sesEventsDeadLetters }));

    /** Alarms on the first occurrence in five minutes, to the alarms topic (and so to alarmEmail). */
    const alarmOnAny = (id: string, alarmDescription: string, metric: IMetric) =>
      new Alarm(this, id, {
        alarmDescription,
        metric,
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(new SnsAction(alarms));
    const fiveMinutes = { period: Duration.minutes(5) };
    alarmOnAny('DailyJobFailedAlarm', 'The daily job failed after retries: reminders and expiries may not have happened today', dailyJobFailures.metricApproximateNumberOfMessagesVisible(fiveMinutes));
    alarmOnAny('DailyScheduleDeadLettersAlarm', 'The scheduler could not invoke the daily job', scheduleDeadLetters.metricApproximateNumberOfMessagesVisible(fiveMinutes));
    alarmOnAny(
      'FailedOutboxBatchesAlarm',
      'An outbox batch failed for good: emails may not have gone out; its records are in the failed-batches bucket to replay',
      new Metric({ namespace: 'AWS/S3', metricName: 'PutRequests', dimensionsMap: { BucketName: failedOutboxBatches.bucketName, FilterId: 'EntireBucket' }, statistic: 'Sum', ...fiveMinutes }),
    );
    alarmOnAny('SesEventsDeadLettersAlarm', 'SNS could not deliver bounce or complaint notifications to Accord', sesEventsDeadLetters.metricApproximateNumberOfMessagesVisible(fiveMinutes));
    alarmOnAny('SesEventsFailedAlarm', 'Bounce or complaint notifications could not be recorded on their agreements', sesEventsFailures.metricApproximateNumberOfMessagesVisible(fiveMinutes));
    alarmOnAny('AlarmEmailDeadLettersAlarm', 'An alarm could not be emailed to alarmEmail: check the subscription', alarmEmailDeadLetters.metricApproximateNumberOfMessagesVisible(fiveMinutes));
    alarmOnAny(
      'EmailsUndeliveredAlarm',
      'Emails were marked undelivered: a signatory or legal contact did not get a notice (see the agreement’s undelivered list)',
      new Metric({ namespace: 'Accord', metricName: 'EmailsUndelivered', dimensionsMap: { service: 'accord' }, statistic: 'Sum', ...fiveMinutes }),
    );
    alarmOnAny('UploadCheckFailedAlarm', 'Uploaded files could not be checked: drafts show them pending until they are', uploadCheckFailures.metricApproximateNumberOfMessagesVisible(fiveMinutes));
    alarmOnAny('SealingFailedAlarm', 'An executed copy could not be sealed after retries: its parties’ copy links wait for it', sealingFailures.metricApproximateNumberOfMessagesVisible(fiveMinutes));
    alarmOnAny('OutboxSweepDeadLettersAlarm', 'The scheduler could not invoke the outbox sweep: email retries are not being made', sweepDeadLetters.metricApproximateNumberOfMessagesVisible(fiveMinutes));
    // SES throttling or unavailable for a quarter of an hour: emails wait (for up to a day) and someone should know.
    new Alarm(this, 'EmailsDeferredAlarm', {
      alarmDescription: 'Emails keep failing transiently (SES throttling or unavailable); they are retried for a day, then marked undelivered',
      metric: new Metric({ namespace: 'Accord', metricName: 'EmailsDeferred', dimensionsMap: { service: 'accord' }, statistic: 'Sum', period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 3,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(alarms));
    for (const [name, fn] of Object.entries({ api, workspace, signing, outboxSender, dailyJob, sesEvents })) {
      alarmOnAny(`${name}ErrorsAlarm`, `${name} function errors`, fn.metricErrors(fiveMinutes));
    }

    const httpFunctions = { api, workspace, signing };
    const publicRouteKeys: string[] = [];
    for (const name of HTTP_FUNCTION_NAMES) {
      const integration = new HttpLambdaIntegration(`${name}Integration`, httpFunctions[name]);
      for (const route of FUNCTIONS[name].routes) {
        const [created] = httpApi.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
        if ('public' in route) {
          publicRouteKeys.push(`${route.method} ${route.path}`);
          // Route settings name routes by key; they must exist before the stage mentions them.
          stage.node.addDependency(created!);
        }
      }
    }
    stage.defaultRouteSettings = { throttlingRateLimit: STAGE_THROTTLE.rate, throttlingBurstLimit: STAGE_THROTTLE.burst, detailedMetricsEnabled: true };
    stage.routeSettings = Object.fromEntries(
      // A JSON property in CloudFormation, so its keys are written as the service names them.
      publicRouteKeys.map((key) => [key, { ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rate, ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burst }]),
    );

    const output = (name: string, value: string, description: string) => new CfnOutput(this, name, { value, description });
    output('ApiUrl', publicBaseUrl, 'The API (OpenAPI document at /openapi.json)');
    output('WorkspaceUrl', `${publicBaseUrl}/app`, 'The legal teams’ workspace');
    output('RegisterUrl', `${publicBaseUrl}/register`, 'The public register of agreements in force');
    output('SignInUrl', signInDomain.baseUrl(), 'Cognito managed sign-in for the legal teams');
    output('UserPoolId', userPool.userPoolId, 'Create the first admin here (README, Deploying)');
    output('ApiClientId', apiClient.userPoolClientId, `The app client for tools that call the JSON API (code flow with PKCE, redirect ${API_TOOL_CALLBACK})`);
    output('AlarmTopicArn', alarms.topicArn, `Alarms go here and to ${settings.alarmEmail} (confirm the subscription email)`);
    output('SigningKeySecretArn', signingKeys.secretArn, 'The signing-link keyring (rotation runbook: docs/runbooks/rotate-signing-key.md)');
    output('FailedOutboxBatchesBucket', failedOutboxBatches.bucketName, 'Outbox batches that failed for good, to replay within 30 days');
    output('TableName', table.tableName, 'The table (restore drill: docs/runbooks/restore-point-in-time.md)');
    output('DocumentsBucketName', documentsBucket.bucketName, 'Where agreements’ files and executed copies are kept');
    output('DailyJobFunctionName', dailyJob.functionName, 'Run the daily job again for a day (README, alarms)');
    output('OutboxSenderFunctionName', outboxSender.functionName, 'Replay a failed outbox batch (README, alarms)');
    if (customDomain) {
      output('CustomDomainTarget', customDomain.regionalDomainName, `Point ${settings.domainName} here (CNAME or alias)`);
    }

    this.acknowledgeFindings({ api, workspace, signing, outboxSender, dailyJob, sesEvents, documents: documentsFunction }, { failedOutboxBatches, signingKeys, workspaceClientSecret, httpApi, documentsBucket });
  }

  /** Every acknowledged cdk-nag finding, with the reason it is acceptable; each reason is true of what it hides. */
  private acknowledgeFindings(
    functions: Record<'api' | 'workspace' | 'signing' | 'outboxSender' | 'dailyJob' | 'sesEvents' | 'documents', AccordFunction>,
    parts: { failedOutboxBatches: Bucket; signingKeys: ISecret; workspaceClientSecret: Secret; httpApi: HttpApi; documentsBucket: Bucket },
  ) {
    const noDeadLetterQueue = {
      api: 'Invoked synchronously by API Gateway: a failed request is answered with an error to its caller; there is no event to keep.',
      signing: 'Invoked synchronously by API Gateway: a failed request is answered with an error page to the signatory; there is no event to keep.',
      workspace: 'Invoked synchronously by API Gateway: a failed request is answered with an error page to the legal officer; there is no event to keep.',
      outboxSender:
        "Invoked by the table stream's event source mapping, whose on-failure destination (the failed-batches bucket) keeps whole failed batches; a function DLQ applies only to asynchronous invocations.",
      dailyJob: 'Invoked asynchronously by the scheduler; its on-failure destination (a queue with an alarm) keeps each failed event with its error, which a DLQ would not.',
      sesEvents: 'Invoked asynchronously by SNS; its on-failure destination (a queue with an alarm) keeps each failed notification with its error, which a DLQ would not.',
      documents:
        "Invoked asynchronously by S3 (an on-failure queue with an alarm keeps each failed upload check with its error) and by the table stream's event source mapping (its own on-failure queue with an alarm).",
    };
    for (const [name, fn] of Object.entries(functions) as [keyof typeof functions, AccordFunction][]) {
      Validations.of(fn.role!).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason:
          name === 'outboxSender' || name === 'documents'
            ? "X-Ray's PutTraceSegments and PutTelemetryRecords, and DynamoDB's ListStreams (which the stream event source needs), cannot be scoped to a resource."
            : "X-Ray's PutTraceSegments and PutTelemetryRecords cannot be scoped to a resource.",
      });
      Validations.of(fn).acknowledge(
        { id: 'AwsSolutions::AwsSolutions-L1', reason: RUNTIME_PINNED },
        { id: 'Serverless::Serverless-LambdaLatestVersion', reason: RUNTIME_PINNED },
        { id: 'Serverless::Serverless-LambdaDLQ', reason: noDeadLetterQueue[name] },
      );
    }
    Validations.of(functions.outboxSender.role!).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${this.getLogicalId(parts.failedOutboxBatches.node.defaultChild as never)}.Arn>/*]`,
      reason: 'Lambda names each failed-batch object itself; PutObject must be allowed for any key in this one bucket (and nothing else is).',
    });
    // Files are named by the ids of their agreements and attachments: a grant covers one prefix of one bucket.
    const documentsArn = `<${this.getLogicalId(parts.documentsBucket.node.defaultChild as never)}.Arn>`;
    for (const [name, fn] of Object.entries(functions) as [keyof typeof functions, AccordFunction][]) {
      const files = (FUNCTIONS[name] as TFunctionDefinition).files;
      const prefixes = [...new Set([...(files?.read ?? []), ...(files?.write ?? []), ...(files?.delete ?? [])])];
      for (const prefix of prefixes) {
        Validations.of(fn.role!).acknowledge({
          id: `AwsSolutions::AwsSolutions-IAM5[Resource::${documentsArn}/${prefix}*]`,
          reason: `Objects under ${prefix} are named by agreement and attachment ids made at run time; the grant covers that one prefix of the documents bucket, with only the actions the function's definition declares.`,
        });
      }
    }
    for (const scheduled of [functions.dailyJob, functions.outboxSender]) {
      Validations.of(this).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${this.getLogicalId(scheduled.node.defaultChild as never)}.Arn>:*]`,
        reason: "The scheduler's role may invoke any version of the function it schedules (the daily job, the outbox sweep), and only that function.",
      });
    }
    Validations.of(parts.workspaceClientSecret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason: "It holds the workspace app client's secret, which Cognito issues: Secrets Manager cannot rotate it. It is rotated by adding a secret to the app client, updating this value, and deleting the old secret (docs/contract.md, Deployment).",
    });
    if (parts.signingKeys instanceof Secret) Validations.of(parts.signingKeys).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason:
        "Reminders re-derive a link's token with the key it was made with, so the keyring must keep each earlier key while its links live; Secrets Manager's rotation replaces one value on a schedule, so the keyring is rotated by a runbook that adds a key and retires the old one 15 days later (docs/runbooks/rotate-signing-key.md).",
    });
    // CDK's own handler that puts the bucket's notification configuration at deploy time (never at run time).
    const notificationsHandler = this.node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    if (notificationsHandler) {
      Validations.of(notificationsHandler).acknowledge(
        {
          id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: "CDK's deploy-time handler for S3 bucket notifications runs once per deployment; its role and policy are CDK's, not configurable through the construct.",
        },
        {
          id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
          reason: "CDK's deploy-time handler for S3 bucket notifications needs s3:PutBucketNotification, which it grants on any bucket; it runs only during deployments.",
        },
      );
    }
    Validations.of(parts.httpApi).acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG4',
      reason:
        'Legal-team routes verify the Cognito ID token in the function with aws-jwt-verify, so the local stack runs the same check; health, OpenAPI, register, verify and signing routes are public by design (signing links carry their own 256-bit token).',
    });
  }

  private deadLetterQueue(id: string) {
    const queue = new Queue(this, id, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(queue).acknowledge(
      { id: 'AwsSolutions::AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue or failure destination; nothing consumes it but a person.' },
      { id: 'Serverless::Serverless-SQSRedrivePolicy', reason: 'This queue is itself a dead-letter queue or failure destination; there is nowhere further to redrive to.' },
    );
    return queue;
  }
}
