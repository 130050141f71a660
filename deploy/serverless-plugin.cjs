/**
 * The Quickstep plugin for osls (Serverless Framework v3). osls loads plugins with require();
 * the plugin is TypeScript, so tsx compiles it on the way in.
 */
const { require: tsxRequire } = require('tsx/cjs/api');

module.exports = tsxRequire('./serverless/quickstep-plugin.ts', __filename).QuickstepPlugin;
