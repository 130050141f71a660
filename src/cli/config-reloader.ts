/**
 * `quickstep dev --config`: deploys the state machines a serverless.yml declares, then watches
 * the file and the definition files it names, and deploys again what an edit changed. A
 * deployment is a new immutable version: new executions take it, running ones keep theirs
 * (I4). An edit that does not validate is reported and the previous version stays.
 */
import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import pc from 'picocolors';
import type { DurableRuntime } from '../runtime/durable/runtime.js';
import { loadDevConfig, type DevConfig } from './dev-config.js';

/** Editors write a file in several steps (truncate, write, rename): one reload for all of them. */
const DEBOUNCE_MS = 150;

export class ConfigReloader {
  /** Per machine, the definition and type last deployed. */
  private readonly deployed = new Map<string, string>();
  /** Per machine, the problems last printed: an unrelated save does not print them again. */
  private readonly reported = new Map<string, string>();
  private watchers = new Map<string, FSWatcher>();
  private watchedFiles = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly configPath: string,
    private readonly runtime: DurableRuntime,
    private readonly print: (line: string) => void,
  ) {}

  /** Deploys every machine of an already validated config and starts watching. */
  async start(config: DevConfig): Promise<void> {
    await this.deploy(config, 'start');
    this.watch(config);
  }

  close(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  /** Resolves when the reloads asked for so far are done (tests, and a clean stop). */
  settled(): Promise<void> {
    return this.running;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.running.then(() => this.reload());
    }, DEBOUNCE_MS);
  }

  private async reload(): Promise<void> {
    let config: DevConfig;
    try {
      config = await loadDevConfig(this.configPath, this.runtime.settings);
    } catch (error) {
      this.print(`${pc.red('✗')} ${(error as Error).message}; the running state machines are unchanged`);
      return;
    }
    await this.deploy(config, 'reload');
    this.watch(config);
  }

  private async deploy(config: DevConfig, when: 'start' | 'reload'): Promise<void> {
    for (const machine of config.machines) {
      if (!machine.input) {
        const problems = machine.problems.join('\n');
        if (this.reported.get(machine.name) === problems) continue;
        this.reported.set(machine.name, problems);
        this.print(`${pc.red('✗')} ${machine.name} not reloaded: the previous version keeps running`);
        for (const problem of machine.problems) this.print(`  ${problem}`);
        continue;
      }
      this.reported.delete(machine.name);
      const fingerprint = `${machine.input.type} ${machine.input.definition}`;
      if (this.deployed.get(machine.name) === fingerprint) continue;
      try {
        const record = await this.runtime.deployStateMachine(machine.input);
        const verb = when === 'start' || !this.deployed.has(machine.name) ? 'deployed' : 'reloaded';
        this.deployed.set(machine.name, fingerprint);
        const revision = when === 'reload' ? ` revision ${record.versionId.slice(0, 12)}` : '';
        this.print(
          `${pc.green(verb === 'reloaded' ? '↻' : '✓')} ${verb} ${record.name}${revision} ${pc.dim(record.arn)}`,
        );
      } catch (error) {
        if (when === 'start') throw error;
        this.print(`${pc.red('✗')} ${machine.name} not reloaded: ${(error as Error).message}`);
      }
    }
  }

  /** Watches folders, not files: an editor that saves by renaming replaces the file watched. */
  private watch(config: DevConfig): void {
    const files = [
      config.path,
      ...config.machines.flatMap((machine) => (machine.file ? [machine.file] : [])),
    ];
    this.watchedFiles = new Set(files);
    const folders = new Set(files.map((file) => dirname(file)));
    for (const [folder, watcher] of this.watchers) {
      if (folders.has(folder)) continue;
      watcher.close();
      this.watchers.delete(folder);
    }
    for (const folder of folders) {
      if (this.watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          if (
            name === null ||
            [...this.watchedFiles].some(
              (file) => dirname(file) === folder && basename(file) === name.toString(),
            )
          )
            this.schedule();
        });
        watcher.on('error', () => this.watchers.delete(folder));
        this.watchers.set(folder, watcher);
      } catch (error) {
        this.print(`${pc.yellow('!')} cannot watch ${folder}: ${(error as Error).message}`);
      }
    }
  }
}
