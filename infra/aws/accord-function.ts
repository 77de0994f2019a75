import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { resolve } from 'node:path';
import { BUNDLE_SETTINGS } from './bundling';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/** Lambda's own Node.js line for Accord; local development runs the same code on Node 20+. */
export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;

export type TAccordFunctionProps = Omit<NodejsFunctionProps, 'entry' | 'runtime'> & {
  /** Path of the handler module from the repository root, e.g. `functions/api/handler.ts`. */
  entry: string;
};

/**
 * Every Accord function: esbuild-bundled ESM, ARM64, X-Ray tracing, JSON logs kept for a
 * limited time, source maps on, and the AWS SDK bundled so its version is the one tested.
 */
export class AccordFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: TAccordFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      memorySize: 1024,
      timeout: Duration.seconds(10),
      ...props,
      entry: resolve(REPO_ROOT, props.entry),
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'package-lock.json'),
      runtime: LAMBDA_RUNTIME,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'accord',
        POWERTOOLS_METRICS_NAMESPACE: 'Accord',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: BUNDLE_SETTINGS.target,
        minify: BUNDLE_SETTINGS.minify,
        sourceMap: BUNDLE_SETTINGS.sourcemap,
        mainFields: [...BUNDLE_SETTINGS.mainFields],
        banner: BUNDLE_SETTINGS.banner,
        // Bundle the AWS SDK too: the deployed version is then the tested one, tree-shaken.
        externalModules: [],
        ...props.bundling,
      },
    });
  }
}
