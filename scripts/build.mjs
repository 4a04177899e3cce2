// Builds every package: esbuild bundles each library entry (ES modules) and each command (one CommonJS
// file, which its bin script loads through V8's code cache), then the class library is compiled by oakc
// into the runtime image the VM loads, and a run of each command on Hello trains the code caches.
// Run by `npm ci` (prepare).
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chevrotainTokenShape } from './chevrotain-token-shape.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = (name, file) => `${root}packages/${name}/${file}`;

const alias = {
  '@oakvm/classfile/code-cache': pkg('classfile', 'src/node/code-cache.ts'),
  '@oakvm/classfile': pkg('classfile', 'src/index.ts'),
  '@oakvm/compiler': pkg('compiler', 'src/index.ts'),
  '@oakvm/classlib': pkg('classlib', 'src/index.ts'),
  '@oakvm/vm': pkg('vm', 'src/index.ts'),
};

// The library entries, as ES modules; splitting lets the VM's library load the compiler only when a
// source file is to be run.
const libraries = [
  { name: 'classfile', entries: { index: 'src/index.ts' } },
  { name: 'compiler', entries: { index: 'src/index.ts' } },
  { name: 'vm', entries: { index: 'src/index.ts' } },
];

// The commands, each one CommonJS file (Node 20 keeps no code cache for ES modules), and the compiler
// again for `oak File.oak`, which loads it the same way. `import.meta.url` becomes the bundle's URL.
// Each package also gets its own copy of the loader, dist/code-cache.cjs, which its bin scripts (CommonJS
// too: see bin/package.json) require by a relative path: resolving the package name costs a start-up
// about 2 ms.
const loader = '../classfile/src/node/code-cache.ts';
const commands = [
  { name: 'classfile', entries: { oakp: 'src/cli/oakp.ts', 'code-cache': loader } },
  { name: 'compiler', entries: { index: 'src/index.ts', oakc: 'src/cli/oakc.ts', oaki: 'src/cli/oaki.ts', 'code-cache': loader } },
  { name: 'vm', entries: { oak: 'src/platform/node/main.ts', 'code-cache': loader } },
];

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', alias, logLevel: 'warning', plugins: [chevrotainTokenShape] };

for (const { name, entries } of libraries) {
  // Chunk names carry content hashes, so a rebuild into the old folder would leave every stale chunk behind.
  rmSync(pkg(name, 'dist'), { recursive: true, force: true });
  await build({ ...common, entryPoints: entryPointsOf(name, entries), outdir: pkg(name, 'dist'), splitting: true, format: 'esm', chunkNames: 'chunks/[name]-[hash]' });
}
const { '@oakvm/compiler': _compiler, ...withoutCompiler } = alias;
for (const { name, entries } of commands) {
  await build({
    ...common,
    entryPoints: entryPointsOf(name, entries),
    outdir: pkg(name, 'dist'),
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    define: { 'import.meta.url': '__oakvmModuleUrl' },
    banner: { js: 'var __oakvmModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    // oak loads the compiler's own bundle when it needs it (see packages/vm/src/platform/node/main.ts);
    // an alias would pull it in, so the package is left external instead.
    alias: withoutCompiler,
    external: ['@oakvm/compiler'],
  });
}

function entryPointsOf(name, entries) {
  const points = {};
  for (const [out, src] of Object.entries(entries)) {
    if (existsSync(pkg(name, src))) points[out] = pkg(name, src);
  }
  return points;
}

const imageBuilder = pkg('classlib', 'scripts/build-image.mjs');
if (existsSync(imageBuilder)) {
  const { buildImage } = await import(imageBuilder);
  try {
    await buildImage();
  } catch (e) {
    // The diagnostics of a library that does not compile are the message; a stack would only hide them.
    console.error(`error: building the class library's runtime image failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

const { trainCodeCaches } = await import('./train-code-cache.mjs');
trainCodeCaches();
