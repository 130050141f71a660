/**
 * The wait id of a join: its children are `{parentId}/{waitId}/{index}`, and the wait id is
 * `{seq}.1` — the seq of the commit that started them, the first wait that commit created —
 * which no history event records. It is found by looking for the first child at each candidate
 * seq, and remembered: a history never changes, so neither does the answer.
 */
import type { ExecutionRecord } from '../ports.js';
import type { JoinRun } from './join-runs.js';
import type { RuntimeContext } from './runtime-context.js';

/** Candidate seqs looked at at once. */
const PARALLEL_READS = 16;

/** Found wait ids by `{executionId}#{event id}`: histories never change, so neither do these. */
const knownWaitIds = new Map<string, string>();
const MAX_KNOWN = 10_000;

/**
 * The commit that started the join has a seq between the previous join's and the record's; it
 * is usually a little below the event's id (commits record one event or more), so the search
 * starts there and goes down, then up.
 */
export async function findWaitId(
  context: RuntimeContext,
  record: ExecutionRecord,
  join: JoinRun,
  lowestSeq: number,
): Promise<string | undefined> {
  // Parallel branches start together, from index 0.
  const first = join.kind === 'Map' ? join.children[0] : { index: 0 };
  if (!first) return undefined;
  const key = `${record.id}#${join.startEvent}`;
  const known = knownWaitIds.get(key);
  if (known) return known;
  const guess = Math.min(Math.max(join.startEvent, lowestSeq), record.seq);
  const candidates: number[] = [];
  for (let seq = guess; seq >= lowestSeq; seq--) candidates.push(seq);
  for (let seq = guess + 1; seq <= record.seq; seq++) candidates.push(seq);
  for (let at = 0; at < candidates.length; at += PARALLEL_READS) {
    const batch = candidates.slice(at, at + PARALLEL_READS);
    const found = await Promise.all(
      batch.map(async (seq) => {
        // The join's wait is the first its commit created (`.1`): nothing before it in that
        // turn creates one (a Map or Parallel enters, or a redrive re-opens the join).
        const waitId = `${seq}.1`;
        const child = await context.ports.store.getExecution(`${record.id}/${waitId}/${first.index}`);
        return child ? waitId : undefined;
      }),
    );
    const waitId = found.find((id) => id !== undefined);
    if (waitId) {
      if (knownWaitIds.size >= MAX_KNOWN) knownWaitIds.delete(knownWaitIds.keys().next().value as string);
      knownWaitIds.set(key, waitId);
      return waitId;
    }
  }
  return undefined;
}
