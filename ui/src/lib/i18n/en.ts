// English message catalog: the reference. Every key used in the UI is here, and
// every key here is used (tests/unit/i18n.test.ts checks both).
export const en = {
  'app.title': 'ChannelOps Onboarding',
  'app.skip': 'Skip to content',
  'nav.label': 'Main',
  'nav.home': 'Home',
  'nav.customers': 'Customers',
  'nav.assets': 'Assets',
  'nav.validation': 'Validation',
  'lang.label': 'Language',
  'home.title': 'Welcome',
  'home.intro':
    'Onboard your end customers in three parts: add the customer, assign a contract, then connect their AWS management account and validate their Cost and Usage Report.',
  'home.connect.title': 'Connect your AWS Management Account',
  'home.connect.body':
    'Check your AWS permissions, set up a legacy Cost and Usage Report, create the CloudFormation stack and get your CUR files validated.',
  'home.connect.action': 'Connect',
  'customers.title': 'Customers',
  'customers.empty': 'No customers yet. Customers you add or import appear here with their onboarding progress.',
  'assets.title': 'Assets',
  'assets.aws.title': 'Amazon Web Services',
  'assets.aws.empty': 'No AWS account is connected yet.',
  'assets.aws.connect': 'Connect new account',
  'validation.title': 'Validation',
  'validation.intro': 'Review the onboarding progress and take necessary actions.',
  'validation.empty': 'Nothing to review yet.',
  'status.version': 'Version {version}',
  'status.dataDir': 'Data folder: {path}',
  'status.dataDirReadOnly': 'The data folder is not writable: changes cannot be saved.',
  'status.loading': 'Loading…',
  'error.fix': 'How to fix it:',
} as const;

export type MessageKey = keyof typeof en;
