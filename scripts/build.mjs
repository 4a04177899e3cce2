// Builds every package: esbuild bundles each command and library entry from TypeScript source, then the
// class library is compiled by oakc into the runtime image the VM loads. Run by `npm ci` (prepare).
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = (name, file) => `${root}packages/${name}/${file}`;

const alias = {
  '@oakvm/classfile': pkg('classfile', 'src/index.ts'),
  '@oakvm/compiler': pkg('compiler', 'src/index.ts'),
  '@oakvm/classlib': pkg('classlib', 'src/index.ts'),
  '@oakvm/vm': pkg('vm', 'src/index.ts'),
};

// One bundle per package: its library entry and its commands. Splitting lets a command load a heavy
// part (the VM's source launcher loads the compiler) only when it is needed.
const bundles = [
  { name: 'classfile', entries: { index: 'src/index.ts', oakp: 'src/cli/oakp.ts' } },
  { name: 'compiler', entries: { index: 'src/index.ts', oakc: 'src/cli/oakc.ts', oaki: 'src/cli/oaki.ts' } },
  { name: 'vm', entries: { index: 'src/index.ts', oak: 'src/platform/node/main.ts' } },
];

for (const { name, entries } of bundles) {
  const entryPoints = {};
  for (const [out, src] of Object.entries(entries)) {
    if (existsSync(pkg(name, src))) entryPoints[out] = pkg(name, src);
  }
  if (Object.keys(entryPoints).length === 0) continue;
  // Chunk names carry content hashes, so a rebuild into the old folder would leave every stale chunk behind.
  rmSync(pkg(name, 'dist'), { recursive: true, force: true });
  await build({
    entryPoints,
    outdir: pkg(name, 'dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    alias,
    logLevel: 'warning',
    chunkNames: 'chunks/[name]-[hash]',
  });
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
