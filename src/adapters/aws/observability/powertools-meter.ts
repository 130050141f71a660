/**
 * Runtime metrics as CloudWatch EMF through Powertools: state transitions, executions started
 * and ended by status, and each state's duration — per state machine (and state), so an
 * alarm can watch one workflow.
 */
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { HistoryEvent } from '../../../engine/types.js';
import type { RuntimeMeter } from '../wiring/metered-store.js';

const OUTCOME_METRIC: Record<string, string> = {
  SUCCEEDED: 'ExecutionsSucceeded',
  FAILED: 'ExecutionsFailed',
  TIMED_OUT: 'ExecutionsTimedOut',
  ABORTED: 'ExecutionsAborted',
};

export function powertoolsMeter(metrics: Metrics): RuntimeMeter {
  const perMachine = (stateMachine: string) => {
    const single = metrics.singleMetric();
    single.addDimension('stateMachine', stateMachine);
    return single;
  };
  return {
    executionStarted(stateMachine) {
      perMachine(stateMachine).addMetric('ExecutionsStarted', MetricUnit.Count, 1);
    },
    transition(_stateMachine, events: HistoryEvent[]) {
      const entered = events.filter((event) => event.type.endsWith('StateEntered')).length;
      if (entered > 0) metrics.addMetric('StateTransitions', MetricUnit.Count, entered);
    },
    stateCompleted(stateMachine, state, durationMs) {
      const single = perMachine(stateMachine);
      single.addDimension('state', state);
      single.addMetric('StateDuration', MetricUnit.Milliseconds, durationMs);
    },
    executionFinished(stateMachine, status) {
      const name = OUTCOME_METRIC[status];
      if (name) perMachine(stateMachine).addMetric(name, MetricUnit.Count, 1);
    },
  };
}
