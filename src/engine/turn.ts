/**
 * One decision in the making: a private copy of the snapshot plus the history events and
 * effects it produces. Only `step` creates turns; nothing outside sees one half-built.
 */
import type { Json } from '../asl/json.js';
import type { Definition, State, StateMachine } from '../asl/types.js';
import type { Decision, Effect, Env, HistoryEvent, Position, Snapshot } from './types.js';

export class Turn {
  readonly snapshot: Snapshot;
  readonly events: HistoryEvent[] = [];
  readonly effects: Effect[] = [];
  readonly now: number;
  private waitCounter = 0;

  constructor(
    readonly definition: Definition,
    previous: Snapshot,
    readonly env: Env,
  ) {
    this.snapshot = { ...previous, seq: previous.seq + 1 };
    this.now = env.now();
  }

  get machine(): StateMachine {
    const machine = this.definition.machines.get(this.snapshot.machineId);
    if (!machine) throw new Error(`Definition has no machine "${this.snapshot.machineId}"`);
    return machine;
  }

  get position(): Position {
    const position = this.snapshot.position;
    if (!position) throw new Error(`Execution ${this.snapshot.id} has no current state`);
    return position;
  }

  get state(): State {
    const state = this.machine.states.get(this.position.state);
    if (!state) throw new Error(`Machine "${this.snapshot.machineId}" has no state "${this.position.state}"`);
    return state;
  }

  /** A wait id unique within the execution and deterministic for the same inputs. */
  newWaitId(): string {
    this.waitCounter += 1;
    return `${this.snapshot.seq}.${this.waitCounter}`;
  }

  record(type: string, details?: { [key: string]: Json | undefined }): void {
    const id = this.snapshot.lastEventId + 1;
    this.events.push({ id, previousEventId: this.snapshot.lastEventId, timestamp: this.now, type, details });
    this.snapshot.lastEventId = id;
  }

  effect(effect: Effect): void {
    this.effects.push(effect);
  }

  setPosition(position: Position | undefined): void {
    this.snapshot.position = position;
  }

  decision(): Decision {
    return { snapshot: this.snapshot, events: this.events, effects: this.effects };
  }
}

export function ignored(snapshot: Snapshot, reason: string): Decision {
  return { snapshot, events: [], effects: [], ignored: reason };
}
