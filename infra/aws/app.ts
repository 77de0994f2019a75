import '../../shared/schemas/zod-settings';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { AccordMailStack, AccordStack } from './accord-stack';
import { readDeploySettings } from './deploy-settings';

const app = new App();
const settings = readDeploySettings(app);
// The region is the deployer's choice of context (default eu-west-2), never the CLI's profile default.
const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: settings.region };
const mail = new AccordMailStack(app, 'AccordMail', { env, settings, description: 'Accord: the SES identity it sends from' });
const accord = new AccordStack(app, 'Accord', { env, settings, description: 'Accord: collaboration agreements between emergency services' });
// `cdk deploy --all` deploys the mail identity first (its DNS records must still be added before Accord can create its user pool).
accord.addDependency(mail);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }), new ServerlessChecks(app, { verbose: true }));
