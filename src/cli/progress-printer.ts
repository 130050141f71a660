/**
 * Prints each state as it is entered and left, with its duration. Parallel branches and Map
 * iterations are indented under their state, and their lines are capped so a Map over
 * thousands of items stays readable.
 */
import pc from 'picocolors';
import type { HistoryEvent } from '../engine/types.js';
import { formatDuration } from './format-duration.js';

const CHILD_LINES_PER_PARENT = 20;

export class ProgressPrinter {
  private readonly entered = new Map<string, number>();
  private readonly childLines = new Map<string, number>();

  constructor(
    private readonly rootId: string,
    private readonly write: (line: string) => void,
  ) {}

  onEvent = (executionId: string, event: HistoryEvent): void => {
    const depth =
      executionId === this.rootId ? 0 : executionId.slice(this.rootId.length).split('/').length / 2;
    if (depth > 0 && !this.allowChildLine(executionId, event)) return;
    const indent = '  '.repeat(depth);
    const label = depth > 0 ? pc.dim(`[${executionId.split('/').pop()}] `) : '';
    const name = String(event.details?.name ?? '');
    const key = `${executionId}\u0000${name}`;
    if (event.type.endsWith('StateEntered')) {
      this.entered.set(key, event.timestamp);
      this.write(
        `${indent}${label}${pc.cyan('→')} ${name} ${pc.dim(event.type.replace('StateEntered', ''))}`,
      );
    } else if (event.type.endsWith('StateExited')) {
      const took = event.timestamp - (this.entered.get(key) ?? event.timestamp);
      this.write(`${indent}${label}${pc.green('✓')} ${name} ${pc.dim(formatDuration(took))}`);
    } else if (/(Failed|TimedOut)$/.test(event.type) && event.details?.error !== undefined) {
      this.write(`${indent}${label}${pc.red('✗')} ${event.type} ${pc.red(String(event.details.error))}`);
    }
  };

  private allowChildLine(executionId: string, event: HistoryEvent): boolean {
    const shown = /State(Entered|Exited)$/.test(event.type) || event.details?.error !== undefined;
    if (!shown) return false;
    const parent = executionId.split('/').slice(0, -2).join('/');
    const count = (this.childLines.get(parent) ?? 0) + 1;
    this.childLines.set(parent, count);
    if (count === CHILD_LINES_PER_PARENT + 1)
      this.write(pc.dim('    … more branch/iteration states not shown'));
    return count <= CHILD_LINES_PER_PARENT;
  }
}
