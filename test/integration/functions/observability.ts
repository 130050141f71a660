/**
 * Observability for handler tests: Powertools' logger and metrics, their output (JSON log
 * lines, EMF documents) collected instead of printed, so tests can read what CloudWatch would.
 */
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Observability } from '../../../functions/lib/observability.js';

export interface CapturedObservability extends Observability {
  /** Every JSON document written: log lines and EMF metric documents. */
  lines: Record<string, unknown>[];
}

export function capturingObservability(): CapturedObservability {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(parsed(line));
      done();
    },
  });
  const output = new Console({ stdout: sink, stderr: sink });
  const logger = new Logger({ serviceName: 'quickstep', logLevel: 'DEBUG' });
  // Powertools' own warnings (e.g. "No application metrics to publish") go to the sink too.
  const metrics = new Metrics({ namespace: 'Quickstep', serviceName: 'quickstep', logger: output });
  // Powertools writes through its own console; point both at the sink.
  Object.assign(logger, { console: output });
  Object.assign(metrics, { console: output });
  const singleMetric = metrics.singleMetric.bind(metrics);
  metrics.singleMetric = () => Object.assign(singleMetric(), { console: output });
  return { logger, metrics, lines };
}

/** Powertools' own warnings are plain text: kept as `{ text }`. */
function parsed(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { text: line };
  }
}

export function quietObservability(): Observability {
  return capturingObservability();
}
