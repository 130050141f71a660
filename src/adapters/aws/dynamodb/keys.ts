/** Key builders for every item kind of the table (DESIGN.md, Data model). */

export interface ItemKey {
  pk: string;
  sk: string;
}

/** Event ids are zero-padded so that the sort key orders them numerically. */
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const stateMachineKey = (name: string): ItemKey => ({ pk: `SM#${name}`, sk: 'HEAD' });

export const definitionVersionKey = (name: string, versionId: string): ItemKey => ({
  pk: `SM#${name}`,
  sk: `V#${versionId}`,
});

export const nameClaimKey = (stateMachineName: string, executionName: string): ItemKey => ({
  pk: `SM#${stateMachineName}`,
  sk: `N#${executionName}`,
});

export const executionPk = (id: string) => `EX#${id}`;
export const executionKey = (id: string): ItemKey => ({ pk: executionPk(id), sk: 'EX' });
/**
 * The "outbox performed" marker. `DONE` sorts just before `EX` and nothing else of the
 * partition sorts between them, so one query reads the record and its marker together.
 */
export const performedKey = (id: string): ItemKey => ({ pk: executionPk(id), sk: 'DONE' });
export const claimKey = (id: string, key: string): ItemKey => ({ pk: executionPk(id), sk: `CLAIM#${key}` });

export const HISTORY_PREFIX = 'H#';
export const historyKey = (id: string, eventId: number): ItemKey => ({
  pk: executionPk(id),
  sk: `${HISTORY_PREFIX}${pad(eventId, 10)}`,
});

/**
 * Chunks of an oversized history event. `HC#`, not `H#…#C`, so that the history query
 * (begins_with `H#`) never meets a chunk and its Limit counts events only.
 */
export const historyChunkPrefix = (eventId: number) => `HC#${pad(eventId, 10)}#`;

/**
 * Chunks of an oversized execution body. The body's hash is part of the key because two
 * writers racing from the same seq may write different bodies: each keeps its own chunks,
 * and the one whose conditional put wins finds its own content.
 */
export const bodyChunkPrefix = (seq: number, hash: string) => `B#${seq}#${hash}#`;

export const chunkSk = (prefix: string, n: number) => `${prefix}${pad(n, 4)}`;

export const taskTokenKey = (tokenHash: string): ItemKey => ({ pk: `TT#${tokenHash}`, sk: 'TT' });

/** gsi1 partition holding every state machine's HEAD item, sorted by name. */
export const STATE_MACHINES_GSI1PK = 'STATE_MACHINES';
export const executionsGsi1pk = (stateMachineName: string) => `SM#${stateMachineName}`;
/** Start dates are zero-padded milliseconds so that the sort key orders them in time. */
export const executionGsi1sk = (startDate: number, id: string) => `${pad(startDate, 15)}#${id}`;
