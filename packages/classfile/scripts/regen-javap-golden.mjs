#!/usr/bin/env node
// Regenerates test/javap-golden: what the JDK's javap prints for every class of the corpus, with `-c`,
// with `-v -p`, with `-s -constants` and with `-l -public -sysinfo`, so the oakp comparison test runs
// without a JDK. Run it after regenerating the corpus.
//
//   node packages/classfile/scripts/regen-javap-golden.mjs
//
// One JVM runs javap for every file through java.util.spi.ToolProvider (a JVM start per file would take
// minutes). Lines that depend on where and when the file was written are normalised: the corpus
// directory in "Classfile" becomes <corpus>/ and the date in "Last modified" becomes DATE, which is what
// the test does to oakp's output too.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const corpus = fileURLToPath(new URL('../test/corpus/classes/', import.meta.url));
const golden = fileURLToPath(new URL('../test/javap-golden/', import.meta.url));

/** The option sets compared, and the file suffix each golden output is stored under. */
export const GOLDEN_MODES = [
  { suffix: '.c.txt', args: ['-c'] },
  { suffix: '.v.txt', args: ['-v', '-p'] },
  { suffix: '.s.txt', args: ['-s', '-constants'] },
  { suffix: '.l.txt', args: ['-l', '-public', '-sysinfo'] },
];

try {
  execFileSync('java', ['-version'], { stdio: 'ignore' });
} catch {
  console.error('regen-javap-golden: java is not on the PATH; install JDK 17 to regenerate the javap outputs.');
  process.exit(1);
}

const RUNNER = `
import java.io.*;
import java.nio.file.*;
import java.util.spi.ToolProvider;

public class RunJavap {
  // args: outDir corpusDir suffix option... -- file...
  public static void main(String[] args) throws Exception {
    ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
    Path out = Paths.get(args[0]);
    String corpus = args[1];
    String suffix = args[2];
    int sep = java.util.Arrays.asList(args).indexOf("--");
    String[] options = java.util.Arrays.copyOfRange(args, 3, sep);
    for (int i = sep + 1; i < args.length; i++) {
      String file = args[i];
      StringWriter text = new StringWriter();
      String[] call = java.util.Arrays.copyOf(options, options.length + 1);
      call[options.length] = corpus + file;
      int rc = javap.run(new PrintWriter(text, true), new PrintWriter(System.err, true), call);
      if (rc != 0) throw new IllegalStateException("javap failed on " + file);
      String s = text.toString()
          .replace("Classfile " + corpus, "Classfile <corpus>/")
          .replaceAll("(?m)^  Last modified [^;]*;", "  Last modified DATE;");
      Path target = out.resolve(file.replaceAll("\\\\.class$", suffix));
      Files.createDirectories(target.getParent());
      // As javap's own stdout does in a UTF-8 locale: a lone surrogate is written as '?'.
      Files.write(target, s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
`;

const classes = listClasses(corpus).map((p) => relative(corpus, p)).sort();
const work = mkdtempSync(join(tmpdir(), 'javap-golden-'));
try {
  const runner = join(work, 'RunJavap.java');
  writeFileSync(runner, RUNNER);
  rmSync(golden, { recursive: true, force: true });
  mkdirSync(golden, { recursive: true });
  for (const { suffix, args } of GOLDEN_MODES) {
    // Fixed locale and zone, so javap's own formatting never depends on the machine.
    execFileSync(
      'java',
      ['-Duser.language=en', '-Duser.country=US', '-Duser.timezone=UTC', runner, golden, corpus, suffix, ...args, '--', ...classes],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`regen-javap-golden: wrote ${classes.length * GOLDEN_MODES.length} javap outputs to ${golden}`);

function listClasses(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listClasses(path);
    return name.endsWith('.class') ? [path] : [];
  });
}
