// The machine and software a run was measured on, recorded with every result.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { probeJdk } from './jdk.mjs';

export function describeMachine(root) {
  const cpus = os.cpus();
  const jdk = probeJdk();
  return {
    cpu: cpus.length > 0 ? cpus[0].model.trim() : 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    node: process.version,
    java: jdk.java,
    javac: jdk.javac,
    // Other processes on the machine slow every tier down; the load average over the run says how busy it was.
    loadAverage: os.loadavg().map((v) => Math.round(v * 100) / 100),
    commit: gitCommit(root),
    date: new Date().toISOString(),
  };
}

/** HEAD's hash, marked "+dirty" when sources under packages/ or benchmarks/ differ from it. */
function gitCommit(root) {
  const head = spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8' });
  if (head.error || head.status !== 0) return null;
  const status = spawnSync('git', ['status', '--porcelain', '--', 'packages', 'benchmarks/programs'], {
    cwd: root,
    encoding: 'utf8',
  });
  const dirty = !status.error && status.status === 0 && status.stdout.trim() !== '';
  return `${head.stdout.trim()}${dirty ? '+dirty' : ''}`;
}
