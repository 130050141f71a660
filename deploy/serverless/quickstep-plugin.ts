/**
 * The osls plugin: reads `custom.quickstep` and adds the state machines' resources to the
 * template once every other resource is in it (after serverless.yml's `resources` merge).
 */
import type { CfnTemplate } from './cfn.js';
import { readConfig } from './config.js';
import { addQuickstepResources } from './add-resources.js';

interface Serverless {
  service: {
    custom?: { quickstep?: unknown };
    provider: { compiledCloudFormationTemplate: CfnTemplate };
  };
}

export class QuickstepPlugin {
  readonly hooks: Record<string, () => void>;

  constructor(serverless: Serverless) {
    this.hooks = {
      'before:aws:package:finalize:saveServiceState': () => {
        const config = readConfig(serverless.service.custom?.quickstep);
        addQuickstepResources(serverless.service.provider.compiledCloudFormationTemplate, config);
      },
    };
  }
}
