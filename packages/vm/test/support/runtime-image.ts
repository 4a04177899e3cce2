// The class-library image for VM tests: the built one (packages/classlib/dist/classlib.img) when it is
// there, else compiled now with javac through the class library's own build script. Undefined (tests
// skip, saying why) when neither is possible.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const builtImage = fileURLToPath(new URL('../../../classlib/dist/classlib.img', import.meta.url));
const buildScript = fileURLToPath(new URL('../../../classlib/scripts/build-image.mjs', import.meta.url));

export const hasJdk: boolean = (() => {
  try {
    execFileSync('javac', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let cached: Uint8Array | undefined;

export function runtimeImage(): Uint8Array | undefined {
  if (cached) return cached;
  if (!existsSync(builtImage) && hasJdk && existsSync(buildScript)) {
    execFileSync(process.execPath, [buildScript, '--javac'], { stdio: 'ignore' });
  }
  if (existsSync(builtImage)) cached = new Uint8Array(readFileSync(builtImage));
  return cached;
}

export const NO_IMAGE_REASON =
  'skipped: no class-library image (build it with `node packages/classlib/scripts/build-image.mjs --javac` or `npm run build`)';
