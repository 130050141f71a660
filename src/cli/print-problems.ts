import pc from 'picocolors';
import type { Problem } from '../asl/problems.js';

/** One line per problem: where (JSON Pointer), what (code), and why. */
export function formatProblems(file: string, problems: Problem[]): string {
  const lines = problems.map(
    (problem) => `  ${pc.bold(problem.path || '/')}  ${pc.red(problem.code)}  ${problem.message}`,
  );
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return `${pc.red('✗')} ${file}: ${count}\n${lines.join('\n')}\n`;
}
