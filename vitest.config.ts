import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string): string => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Subpaths first: an alias also matches the paths under its key.
    alias: {
      '@oakvm/classfile/code-cache': fileURLToPath(new URL('./packages/classfile/src/node/code-cache.ts', import.meta.url)),
      '@oakvm/classfile': src('classfile'),
      '@oakvm/compiler': src('compiler'),
      '@oakvm/classlib': src('classlib'),
      '@oakvm/vm': src('vm'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
