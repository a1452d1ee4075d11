// Named fixtures: answers of the core that the test world cannot make it give.
// Each is typed by the generated bindings, so it cannot drift from the core's shape.
import type { StackStatus } from '../../src/lib/bindings';

/** A vendor stack CloudFormation rolled back because the user may not create the
 *  role: what `watch_stack` answers for it (moto never fails a stack; the core's
 *  reading of real stack events is tested with aws-smithy-mocks in aws_mocked.rs). */
export const FAILED_STACK: StackStatus = {
  stack_name: 'ChannelOpsCurAccess',
  phase: 'failed',
  status: 'ROLLBACK_COMPLETE',
  reason: 'The following resource(s) failed to create: [CurReadRole]. Rollback requested by user.',
  failed_resource: {
    logical_id: 'CurReadRole',
    resource_type: 'AWS::IAM::Role',
    reason: 'User is not authorized to perform: iam:CreateRole',
  },
  role_arn: null,
  role_verified: null,
  next_step: { id: 'stack-next-failed', args: {} },
};
