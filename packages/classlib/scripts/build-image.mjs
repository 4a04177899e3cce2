// Builds the runtime image: every .oak file of the class library compiled into packages/classlib/dist/
// classlib.img (format in docs/classlib.md), then copied next to the VM as packages/vm/dist/classlib.img.
//
//   node packages/classlib/scripts/build-image.mjs          compile with oakc; any diagnostic fails
//   node packages/classlib/scripts/build-image.mjs --javac  compile with the JDK's javac instead (a check
//                                                          that the library is valid Java)
//
// scripts/build.mjs calls buildImage() after bundling, so `npm ci` fails when oakc cannot compile the
// library: the image the VM runs is always oakc's.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const rootDir = join(packageDir, '..', '..');
export const sourceDir = join(packageDir, 'src');
export const imagePath = join(packageDir, 'dist', 'classlib.img');
const vmImagePath = join(rootDir, 'packages', 'vm', 'dist', 'classlib.img');
const classfileDist = join(rootDir, 'packages', 'classfile', 'dist', 'index.js');
const compilerDist = join(rootDir, 'packages', 'compiler', 'dist', 'index.js');

/** Every library source as { path (relative to src, with /), text }, in a stable order. */
export function librarySources() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.oak')) files.push(full);
    }
  };
  walk(sourceDir);
  return files.sort().map((file) => ({ path: relative(sourceDir, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }));
}

class ImageBuildError extends Error {}

/** Compiles the library with oakc. Returns the classes, or throws ImageBuildError saying why it cannot. */
async function compileWithOakc() {
  if (!existsSync(compilerDist)) throw new ImageBuildError(`the compiler is not built (${relative(rootDir, compilerDist)} is missing)`);
  const compiler = await import(pathToFileURL(compilerDist).href);
  if (typeof compiler.compile !== 'function') throw new ImageBuildError('the compiler bundle does not export compile() yet');
  const sources = librarySources();
  const { classes, diagnostics } = compiler.compile(sources, {});
  if (diagnostics.length > 0) {
    const byPath = new Map(sources.map((s) => [s.path, s]));
    const shown = diagnostics.slice(0, 50).map((d) => {
      const source = byPath.get(d.file);
      return typeof compiler.formatDiagnostic === 'function' && source !== undefined
        ? compiler.formatDiagnostic(d, source)
        : `${d.file}:${d.line}:${d.column}: error: ${d.message}`;
    });
    const more = diagnostics.length > shown.length ? `\n... and ${diagnostics.length - shown.length} more` : '';
    throw new ImageBuildError(`oakc reported ${diagnostics.length} diagnostic(s) compiling the class library:\n${shown.join('\n')}${more}`);
  }
  return classes;
}

export function hasJavac() {
  try {
    execFileSync('javac', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Compiles the library with javac into `outDir` (a fresh temporary directory when omitted) and returns
 * internal name -> class bytes. `-bootclasspath` points at an empty directory, so javac sees nothing but
 * the library's own sources: a reference to anything the library lacks is a compile error.
 */
export function compileWithJavac(outDir) {
  const work = mkdtempSync(join(tmpdir(), 'oakvm-classlib-'));
  try {
    const javaDir = join(work, 'src');
    const emptyDir = join(work, 'empty');
    const classesDir = outDir ?? join(work, 'classes');
    mkdirSync(emptyDir, { recursive: true });
    mkdirSync(classesDir, { recursive: true });
    const javaFiles = librarySources().map(({ path, text }) => {
      const file = join(javaDir, path.replace(/\.oak$/, '.java'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    });
    const argFile = join(work, 'sources.txt');
    writeFileSync(argFile, javaFiles.map((f) => `"${f.split(sep).join('/')}"`).join('\n'));
    try {
      execFileSync(
        'javac',
        ['-source', '8', '-target', '8', '-bootclasspath', emptyDir, '-extdirs', '', '-encoding', 'UTF-8', '-g', '-Xlint:-options', '-nowarn', '-d', classesDir, `@${argFile}`],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (e) {
      const output = `${e.stdout ?? ''}${e.stderr ?? ''}`.split(javaDir + sep).join('');
      throw new ImageBuildError(`javac failed to compile the class library:\n${output}`);
    }
    return readClassTree(classesDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function readClassTree(dir) {
  const classes = new Map();
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.class')) classes.set(relative(dir, full).split(sep).join('/').replace(/\.class$/, ''), new Uint8Array(readFileSync(full)));
    }
  };
  walk(dir);
  return classes;
}

async function writeImage(classes) {
  if (!existsSync(classfileDist)) throw new ImageBuildError(`the class-file package is not built (${relative(rootDir, classfileDist)} is missing): run node scripts/build.mjs`);
  const { writeRuntimeImage } = await import(pathToFileURL(classfileDist).href);
  const image = writeRuntimeImage(classes);
  mkdirSync(dirname(imagePath), { recursive: true });
  writeFileSync(imagePath, image);
  mkdirSync(dirname(vmImagePath), { recursive: true });
  copyFileSync(imagePath, vmImagePath);
  return image.length;
}

/** Builds the image, with oakc unless `javac` is true; any compile error throws ImageBuildError. */
export async function buildImage({ javac = false } = {}) {
  const classes = javac ? compileWithJavac() : await compileWithOakc();
  const how = javac ? 'javac' : 'oakc';
  const size = await writeImage(classes);
  console.log(`classlib: ${classes.size} classes compiled by ${how} -> ${relative(rootDir, imagePath)} (${size} bytes), copied to ${relative(rootDir, vmImagePath)}`);
  return { classes: classes.size, bytes: size, compiler: how };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await buildImage({ javac: process.argv.includes('--javac') });
  } catch (e) {
    console.error(e instanceof ImageBuildError ? `error: ${e.message}` : e);
    process.exitCode = 1;
  }
}
