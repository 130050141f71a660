/** Shared helpers for the pure engine's tests: definitions, a controllable env, freezing. */
import { createHash } from 'node:crypto';
import { type Definition, type Json, parseDefinition } from '../../../src/asl/index.js';
import { startExecution, step } from '../../../src/engine/index.js';
import type { Decision, EngineEvent, Env, Snapshot } from '../../../src/engine/types.js';

export const T0 = Date.parse('2026-01-01T00:00:00Z');
export const EXECUTION_ID = 'arn:aws:states:us-east-1:123456789012:execution:Test:run-1';

/** Parses a definition and fails the test on any problem. */
export function definitionOf(raw: unknown): Definition {
  const { definition, problems } = parseDefinition(raw);
  if (!definition) throw new Error(`invalid test definition: ${JSON.stringify(problems)}`);
  return definition;
}

/** An Env whose clock the test sets, with scripted randomness and deterministic tokens. */
export interface TestEnv extends Env {
  time: number;
  /** Tokens handed out so far, in order. */
  tokens: string[];
}

export function testEnv(options: { now?: number; random?: () => number } = {}): TestEnv {
  const env: TestEnv = {
    time: options.now ?? T0,
    tokens: [],
    now: () => env.time,
    random: options.random ?? (() => 0.5),
    taskToken: () => {
      const token = createHash('sha256').update(`token-${env.tokens.length}`).digest('base64url');
      env.tokens.push(token);
      return token;
    },
  };
  return env;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Recursively freezes a value; writing to it afterwards throws in strict-mode code. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** A deep copy through JSON: what a store would give back. */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function begin(definition: Definition, input: Json, env: Env, id = EXECUTION_ID): Promise<Decision> {
  return startExecution(
    definition,
    {
      id,
      name: 'run-1',
      input,
      stateMachineId: 'arn:aws:states:us-east-1:123456789012:stateMachine:Test',
      stateMachineName: 'Test',
    },
    env,
  );
}

/** The record of several decisions in a row. */
export interface Trail {
  snapshot: Snapshot;
  decisions: Decision[];
}

/**
 * Delivers Advance while the last decision asks to continue: runs the pure states up to the
 * next wait (or the end). Every snapshot handed to `step` is frozen.
 */
export async function advance(definition: Definition, from: Decision | Snapshot, env: Env): Promise<Trail> {
  const decisions: Decision[] = 'effects' in from ? [from] : [];
  let snapshot = 'effects' in from ? from.snapshot : from;
  let pending = 'effects' in from ? from.effects.some((effect) => effect.type === 'Continue') : true;
  while (pending) {
    const decision = await step(definition, deepFreeze(snapshot), { type: 'Advance' }, env);
    if (decision.ignored !== undefined) break;
    decisions.push(decision);
    snapshot = decision.snapshot;
    pending = decision.effects.some((effect) => effect.type === 'Continue');
  }
  return { snapshot, decisions };
}

/** Starts an execution and runs it up to its first wait. */
export async function startAndAdvance(definition: Definition, input: Json, env: Env): Promise<Trail> {
  return advance(definition, await begin(definition, input, env), env);
}

/** Applies one event to a frozen snapshot, then advances through the pure states that follow. */
export async function deliver(
  definition: Definition,
  snapshot: Snapshot,
  event: EngineEvent,
  env: Env,
): Promise<Trail> {
  const decision = await step(definition, deepFreeze(snapshot), event, env);
  if (decision.ignored !== undefined) return { snapshot, decisions: [decision] };
  return advance(definition, decision, env);
}

export function eventsOf(trail: Trail) {
  return trail.decisions.flatMap((decision) => decision.events);
}

export function effectsOf(trail: Trail) {
  return trail.decisions.flatMap((decision) => decision.effects);
}

export function typesOf(trail: Trail): string[] {
  return eventsOf(trail).map((event) => event.type);
}

/** The effect of a given type in the trail (the last one), failing when there is none. */
export function lastEffect<K extends Decision['effects'][number]['type']>(
  trail: Trail,
  type: K,
): Extract<Decision['effects'][number], { type: K }> {
  const found = effectsOf(trail).filter((effect) => effect.type === type);
  if (found.length === 0) throw new Error(`no ${type} effect in ${JSON.stringify(effectsOf(trail))}`);
  return found[found.length - 1] as Extract<Decision['effects'][number], { type: K }>;
}

/** The open wait of the current state (task, timer, children), failing when there is none. */
export function waitIdOf(snapshot: Snapshot): string {
  const phase = snapshot.position?.phase;
  if (!phase || !('waitId' in phase)) throw new Error(`no open wait: ${JSON.stringify(phase)}`);
  return phase.waitId;
}
