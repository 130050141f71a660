/** Builds the Scope a state's paths and templates evaluate against. */
import type { Json } from '../asl/json.js';
import type { Scope } from '../asl/scope.js';
import { type ContextExtras, contextObject } from './context-object.js';
import type { Turn } from './turn.js';
import type { Position, Snapshot } from './types.js';
import { type Variables, visibleVariables } from './variables.js';

/**
 * The context object is built on first use only: most states never read `$$`, and building
 * it (two ISO timestamps, several objects) would dominate the cost of a Pass state. Classes
 * rather than closures keep the per-state allocation small.
 */
class StateScope implements Scope {
  private built: Json | undefined;

  constructor(
    readonly input: Json,
    readonly random: () => number,
    private readonly snapshot: Snapshot,
    private readonly position: Position,
    private readonly extras: ContextExtras | undefined,
  ) {}

  get context(): Json {
    this.built ??= contextObject(this.snapshot, this.position, this.extras);
    return this.built;
  }

  get variables(): Variables {
    return visibleVariables(this.snapshot);
  }
}

class DerivedScope implements Scope {
  constructor(
    readonly input: Json,
    private readonly base: Scope,
  ) {}

  get context(): Json {
    return this.base.context;
  }

  get random(): () => number {
    return this.base.random;
  }

  get variables(): Variables | undefined {
    return this.base.variables;
  }
}

export function stateScope(turn: Turn, input: Json, extras?: ContextExtras): Scope {
  return new StateScope(input, turn.env.random, turn.snapshot, turn.position, extras);
}

/** Same context, other input: ResultSelector reads the task result, OutputPath the state output. */
export function withInput(scope: Scope, input: Json): Scope {
  return new DerivedScope(input, scope);
}
