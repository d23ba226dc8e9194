// Import rules (`npm run deps`, part of `npm test`): dependencies run one way. The runner and the
// app wiring sit on top; the message store, the outbox and the plumbing below them never reach
// back up; the flow engine is pure; the flow contract depends on nothing of the server.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'runner-is-on-top',
      comment: 'Only the composition root (app/, runtime.ts) starts the runner; nothing below it imports runner/.',
      severity: 'error',
      from: { path: '^server/src/', pathNot: ['^server/src/(runner|app)/', '^server/src/(runtime|main)\\.ts$'] },
      to: { path: '^server/src/runner/' },
    },
    {
      name: 'nothing-imports-the-app',
      comment: 'app/ wires everything together; importing it from a module makes a loop (a test may start it).',
      severity: 'error',
      from: { path: '^server/src/', pathNot: ['^server/src/app/', '^server/src/(runtime|main)\\.ts$', '\\.test\\.ts$'] },
      to: { path: '^server/src/(app/|runtime\\.ts$|main\\.ts$)' },
    },
    {
      name: 'outbox-below-the-runner',
      comment: 'Plumbing and the message store do not depend on the outbox; the runner and app use it.',
      severity: 'error',
      from: { path: '^server/src/(channels|ai|media|webchat|net|db|queues|storage|log|config|security|messages|engine)/' },
      to: { path: '^server/src/outbox/' },
    },
    {
      name: 'engine-is-pure',
      comment: 'The flow engine decides; it performs nothing and imports nothing of the server but itself.',
      severity: 'error',
      from: { path: '^server/src/engine/' },
      to: { path: '^server/src/(?!engine/)' },
    },
    {
      name: 'adapters-know-no-engine',
      comment: 'Channels, the network and storage speak the channel message shape (flows-schema), not the engine.',
      severity: 'error',
      from: { path: '^server/src/(channels|net|db|storage|log|config|security|media|webchat|outbox)/' },
      to: { path: '^server/src/engine/' },
    },
    {
      name: 'flow-contract-stands-alone',
      comment: 'flows-schema is shared by server and client; it imports neither.',
      severity: 'error',
      from: { path: '^flows-schema/' },
      to: { path: '^(server|client|database)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
