/**
 * The architecture, enforced in `npm run lint` (`npm run deps`; ARCHITECTURE.md draws it). Every
 * rule holds with no exception listed: a violation fails lint.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No file imports itself through others: a cycle makes both ends one module in disguise.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'No folder imports itself through others.',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-not-services',
      severity: 'error',
      comment: 'electron/host/domain/ decides, with time and I/O handed in: it does not reach for services, channels or the composition.',
      from: { path: '^electron/host/domain/' },
      to: { path: '^electron/(host/(services|channels)/|host/host\\.ts$|host/display-session(\\.ts$|/)|cli/|shell/)' },
    },
    {
      name: 'domain-no-io',
      severity: 'error',
      comment: 'No Node built-ins and no I/O packages in electron/host/domain/ (pure libraries such as ajv are fine).',
      from: { path: '^electron/host/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-no-io-packages',
      severity: 'error',
      from: { path: '^electron/host/domain/' },
      to: { path: 'node_modules/(fastify|@fastify|ws|node-cron|electron|chokidar)/' },
    },
    {
      name: 'contract-is-a-leaf',
      severity: 'error',
      comment: 'electron/contract/ is what host, display and console share: it imports nothing of theirs.',
      from: { path: '^electron/contract/' },
      to: { pathNot: '^electron/contract/' },
    },
    {
      name: 'renderer-sees-only-the-contract',
      severity: 'error',
      comment: 'The display and the console reach the host through electron/contract/ only.',
      from: { path: '^renderer/' },
      to: { path: '^electron/', pathNot: '^electron/contract/' },
    },
    {
      name: 'services-not-channels',
      severity: 'error',
      comment: 'Services own I/O; they do not know which channel (HTTP, IPC, MQTT) asked.',
      from: { path: '^electron/host/services/' },
      to: { path: '^electron/host/channels/' },
    },
    {
      name: 'channels-only-commands',
      severity: 'error',
      comment:
        'A channel (HTTP, later MQTT) translates and nothing else: it calls the application verbs (host/commands/) and the display session, and speaks the contract; nothing below them.',
      from: { path: '^electron/host/channels/' },
      to: { path: '^electron/', pathNot: '^electron/(contract/|host/(channels/|commands/|display-session))' },
    },
    {
      name: 'host-not-cli-or-shell',
      severity: 'error',
      comment: 'The Electron-free host is started by the CLI and the Electron shell, never the reverse.',
      from: { path: '^electron/(host|contract)/' },
      to: { path: '^electron/(cli|shell)/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.node.json' },
    // Type-only imports are dependencies too: a domain type from a service ties them as much as a call.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$|\\.test-support\\.ts$|\\.d\\.ts$' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
