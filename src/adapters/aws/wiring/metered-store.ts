/**
 * The DynamoDB store, telling a meter about each transition as it is committed. Counting at
 * the conditional write counts each transition once (I1), whatever the redeliveries; a
 * re-performed outbox writes nothing here.
 */
import type { HistoryEvent } from '../../../engine/types.js';
import type { ExecutionRecord } from '../../../runtime/ports.js';
import { DynamoDBStore } from '../dynamodb/dynamodb-store.js';

export interface RuntimeMeter {
  executionStarted(stateMachine: string): void;
  /** A commit of one decision, with the history events it recorded. */
  transition(stateMachine: string, events: HistoryEvent[]): void;
  stateCompleted(stateMachine: string, state: string, durationMs: number): void;
  executionFinished(stateMachine: string, status: string): void;
}

export class MeteredStore extends DynamoDBStore {
  /** Where each execution's current state was entered, as last read: for state durations. */
  private readonly entered = new Map<string, { state: string; time: number }>();
  meter?: RuntimeMeter;

  override async getExecution(id: string): Promise<ExecutionRecord | undefined> {
    const record = await super.getExecution(id);
    const position = record?.snapshot.position;
    if (position) this.entered.set(id, { state: position.state, time: position.enteredTime });
    return record;
  }

  override async createExecution(record: ExecutionRecord): Promise<boolean> {
    const created = await super.createExecution(record);
    if (created && !record.parentId) this.meter?.executionStarted(record.stateMachineName);
    return created;
  }

  override async commitExecution(record: ExecutionRecord, expectedSeq: number): Promise<void> {
    await super.commitExecution(record, expectedSeq);
    const meter = this.meter;
    if (!meter) return;
    const machine = record.stateMachineName;
    meter.transition(machine, record.outbox.events);
    let entered = this.entered.get(record.id);
    for (const event of record.outbox.events) {
      const name = event.details?.name;
      if (event.type.endsWith('StateEntered') && typeof name === 'string') {
        entered = { state: name, time: event.timestamp };
      } else if (event.type.endsWith('StateExited') && entered) {
        meter.stateCompleted(machine, entered.state, event.timestamp - entered.time);
        entered = undefined;
      }
    }
    if (record.status !== 'RUNNING' && !record.parentId) meter.executionFinished(machine, record.status);
    this.entered.delete(record.id);
  }
}
