// The door rules of docs/ARCHITECTURE.md, checked in CI (`npm run check:deps`): data flows one way,
// sources → ingest → store → screening / graph / transfers → server / cli, and no module loop.
// (CommonJS: dependency-cruiser loads its configuration with require.)

/** What each room of src/ may import besides itself (a regular expression over paths from the root). */
const MAY_USE = {
  model: [],
  names: ['src/model/'],
  sources: ['src/model/', 'src/names/'],
  store: ['src/model/'],
  ingest: ['src/model/', 'src/sources/', 'src/store/types\\.ts$'],
  screening: ['src/model/', 'src/names/', 'src/store/types\\.ts$'],
  graph: ['src/model/', 'src/store/types\\.ts$'],
  transfers: ['src/model/', 'src/store/types\\.ts$'],
  // The resolver keeps its judgement and candidate tables' queries in resolve/store.ts (Kysely over the
  // store's connection); it screens with screening's public functions for xref.
  resolve: ['src/model/', 'src/store/(types|sql-store|judgements-schema)\\.ts$', 'src/screening/'],
  // Documents keep their tables' queries in documents/repository.ts; mentions are found with the screener,
  // and claims enter the store through the analysts' one write path (graph/edits.ts).
  // Accounts, keys and the audit trail keep their tables' queries in access/ (Kysely over the store's connection).
  access: ['src/model/', 'src/store/(types|sql-store|access-schema)\\.ts$'],
  // Jobs keep their table's queries in jobs/ and run handlers the adapters register (never a domain room's code).
  jobs: ['src/model/', 'src/store/(types|sql-store|jobs-schema)\\.ts$'],
  // Monitoring keeps portfolios, hits and alerts in its tables (monitor-schema.ts); screening is handed in
  // by the adapters, and it reads screening's types and the batch input's row shape.
  monitor: ['src/model/', 'src/store/(types|sql-store|monitor-schema)\\.ts$', 'src/screening/', 'src/resolve/'],
  documents: ['src/model/', 'src/names/', 'src/store/(types|sql-store|documents-schema)\\.ts$', 'src/screening/', 'src/graph/edits\\.ts$'],
};

// ---------------------------------------------------------------------------------------------
// TEMPORARY known-violations block: arrows being removed in other branches right now.
// Delete each entry (and this block when it is empty) as those branches merge.
// ---------------------------------------------------------------------------------------------
const KNOWN_VIOLATIONS = [
];
const KNOWN_LOOPS = [
];
// --------------------------------------------------------------------------------------- end --

const anyOf = (paths) => `^(${paths.join('|')})`;

/** One rule per room; a file with a known violation gets its own rule that tolerates that arrow only. */
function roomRules() {
  const rules = [];
  for (const [room, allowed] of Object.entries(MAY_USE)) {
    const from = `^src/${room}/`;
    const to = { path: '^src/', pathNot: anyOf([`src/${room}/`, ...allowed]) };
    const known = KNOWN_VIOLATIONS.filter((k) => k.from.startsWith(`^src/${room}/`));
    const comment = `src/${room}/ may use only ${allowed.length ? allowed.join(', ') : 'itself and the FtM package'} (docs/ARCHITECTURE.md)`;
    rules.push({ name: `flow-${room}`, severity: 'error', comment, from: { path: from, pathNot: known.map((k) => k.from) }, to });
    for (const k of known) {
      rules.push({ name: `flow-${room}-known`, severity: 'error', comment: `${comment}; tolerating ${k.to} until it moves`, from: { path: k.from }, to: { ...to, pathNot: [to.pathNot, k.to] } });
    }
  }
  return rules;
}

module.exports = {
  forbidden: [
    ...roomRules(),
    {
      name: 'no-loops',
      severity: 'error',
      comment: 'A module loop means two rooms (or two modules) that cannot be understood one without the other.',
      from: { pathNot: KNOWN_LOOPS },
      to: { circular: true },
    },
    {
      name: 'adapters-do-not-call-each-other',
      severity: 'error',
      comment: 'The server never reaches into the CLI (the CLI may start the server: `serve`).',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'config-read-by-adapters',
      severity: 'error',
      comment: 'Configuration is read in one place and handed to the domain as values, by the server and the CLI.',
      from: { path: '^src/', pathNot: '^src/(server|cli)/|^src/config\\.ts$' },
      to: { path: '^src/config\\.ts$' },
    },
    {
      name: 'cli-declares-then-loads',
      severity: 'error',
      comment:
        'The CLI declares its commands with light modules only, so `interdict --help` and the start of a command ' +
        'load no store, matcher or server; what a command does is imported when it runs (await import), ' +
        'from src/cli/run/ or the domain. Light: the CLI itself, config, model errors and params, and the ' +
        'constants modules named here (each imports nothing heavy).',
      from: { path: '^src/cli/', pathNot: '^src/cli/run/' },
      to: {
        path: '^src/',
        pathNot: '^src/(cli/(?!run/)|config\\.ts$|model/(errors|params)\\.ts$|store/(shrink|types)\\.ts$|screening/(algorithms|scopes|threads)\\.ts$|access/roles\\.ts$|resolve/thresholds\\.ts$)',
        dynamic: false,
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      comment: 'Test and benchmark helpers live in test/ and bench/.',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'no-dev-dependencies-in-src',
      severity: 'error',
      comment: 'The production build runs without devDependencies (tsx, vitest...).',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-uses-the-http-api-only',
      severity: 'error',
      comment:
        'web/ knows the server through its HTTP API (and the generated web/src/api-types.ts), never its modules ' +
        '(batch downloads are written by the server, POST /batch/results.csv and .jsonl, with the CLI\'s module).',
      from: { path: '^web/' },
      to: { path: '^src/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(web/dist|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
