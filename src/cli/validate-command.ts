/** `quickstep validate <file>`: every problem with its JSON Pointer and code; exit 0 or 2. */
import pc from 'picocolors';
import { formatProblems } from './print-problems.js';
import { readDefinitionFile } from './read-definition-file.js';

export async function validateCommand(file: string, options: { json?: boolean }): Promise<number> {
  const { definition, problems } = await readDefinitionFile(file);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ valid: problems.length === 0, problems })}\n`);
  } else if (problems.length > 0) {
    process.stderr.write(formatProblems(file, problems));
  } else {
    const states = [...(definition?.machines.values() ?? [])].reduce(
      (sum, machine) => sum + machine.states.size,
      0,
    );
    process.stdout.write(`${pc.green('✓')} ${file} is valid (${states} state${states === 1 ? '' : 's'})\n`);
  }
  return problems.length === 0 ? 0 : 2;
}
