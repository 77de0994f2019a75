import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { dirname, resolve } from 'node:path';
import { SETTING_VARIABLES, type TSettingName } from '../../shared/config';
import { TABLE_DEFINITION } from '../../shared/db/table-definition';
import { FUNCTION_ENVIRONMENT, type TFunctionDefinition } from '../../shared/functions';
import { BUNDLE_SETTINGS } from './bundling';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/** Lambda's own Node.js line for Accord; local development runs the same code on Node 20+. */
export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;

/** How the stack provides one setting: the values of its AWS variables, and what a function using it may do. */
export type TSettingProvider = { variables: Record<string, string>; grant?: (fn: NodejsFunction, definition: TFunctionDefinition) => void };

export type TAccordFunctionProps = Pick<NodejsFunctionProps, 'memorySize' | 'reservedConcurrentExecutions'> & {
  definition: TFunctionDefinition;
  table: ITable;
  settings: Record<TSettingName, TSettingProvider>;
};

/**
 * Every Accord function: esbuild-bundled ESM, ARM64, X-Ray tracing, JSON logs kept for a limited
 * time, source maps on, the AWS SDK bundled so its version is the one tested. Its environment and
 * its grants come from its definition in one call: exactly the variables of the settings it reads,
 * and exactly the table actions and indexes it declares.
 */
export class AccordFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: TAccordFunctionProps) {
    const { definition, table, settings, ...sizing } = props;
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const environment: Record<string, string> = { NODE_OPTIONS: '--enable-source-maps', ...FUNCTION_ENVIRONMENT };
    for (const name of definition.settings) {
      for (const variable of SETTING_VARIABLES[name].aws) {
        const value = settings[name].variables[variable];
        if (value === undefined) throw new Error(`The stack provides no ${variable} for ${id} (setting ${name})`);
        environment[variable] = value;
      }
    }
    // A role of its own, without AWSLambdaBasicExecutionRole (which may write to every log group).
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: `Accord ${id}` });
    logGroup.grantWrite(role);
    super(scope, id, {
      role,
      memorySize: 1024,
      timeout: Duration.seconds(definition.timeoutSeconds),
      ...sizing,
      description: definition.description,
      entry: resolve(REPO_ROOT, definition.entry),
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'package-lock.json'),
      runtime: LAMBDA_RUNTIME,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment,
      bundling: {
        format: OutputFormat.ESM,
        target: BUNDLE_SETTINGS.target,
        minify: BUNDLE_SETTINGS.minify,
        sourceMap: BUNDLE_SETTINGS.sourcemap,
        mainFields: [...BUNDLE_SETTINGS.mainFields],
        banner: BUNDLE_SETTINGS.banner,
        // This version of the construct ignores its own `charset` option; esbuild takes it as an argument.
        esbuildArgs: { ...Object.fromEntries(Object.entries(BUNDLE_SETTINGS.alias).map(([from, to]) => [`--alias:${from}`, to])), '--charset': BUNDLE_SETTINGS.charset },
        // Bundle the AWS SDK too: the deployed version is then the tested one, tree-shaken.
        externalModules: [],
        // Files read at run time go beside the bundle, where Node's resolution finds them as it does in the repository.
        ...(definition.shipsWith?.length || definition.shipsBeside?.length || definition.buildsBeside
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) => [
                  ...(definition.shipsWith ?? []).map(
                    (file) => `mkdir -p "${outputDir}/node_modules/${dirname(file)}" && cp "${inputDir}/node_modules/${file}" "${outputDir}/node_modules/${file}"`,
                  ),
                  ...(definition.shipsBeside ?? []).map((file) => `cp "${inputDir}/${dirname(definition.entry)}/${file}" "${outputDir}/${file}"`),
                  ...(definition.buildsBeside ? [`node "${inputDir}/${definition.buildsBeside}" "${outputDir}/build"`] : []),
                ],
              },
            }
          : {}),
      },
    });
    const { actions, deletesUnder } = definition.table;
    const unconditional = actions.filter((action) => !(deletesUnder && action === 'DeleteItem'));
    this.addToRolePolicy(new PolicyStatement({ actions: unconditional.map((action) => `dynamodb:${action}`), resources: [table.tableArn] }));
    if (deletesUnder && actions.includes('DeleteItem')) {
      this.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:DeleteItem'],
          resources: [table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${deletesUnder}*`] } },
        }),
      );
    }
    if (definition.table.indexes.length > 0) {
      this.addToRolePolicy(
        new PolicyStatement({
          actions: ['dynamodb:Query'],
          resources: definition.table.indexes.map((index) => `${table.tableArn}/index/${TABLE_DEFINITION.indexes[index].indexName}`),
        }),
      );
    }
    for (const name of definition.settings) settings[name].grant?.(this, definition);
  }
}
