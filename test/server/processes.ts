/** Child processes for the tests that run the commands as a person would: `npm start`, `npm run agency`. */
import { spawn } from 'node:child_process';
import { readLock } from '../../src/server/lockFile';

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[], env: Record<string, string>): Promise<Ran> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

export interface SpawnedServer {
  url: string;
  port: number;
  /** What it printed so far (URL line and request log). */
  output(): string;
  /** SIGTERM, as Ctrl-C or a service manager would; resolves once it has exited. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash or power cut would. */
  kill(): Promise<void>;
}

/** `tsx src/cli/start.ts` (what `npm start` runs) on a free port; resolves once its lock file shows the port. */
export async function spawnServer(dataDir: string, distDir: string): Promise<SpawnedServer> {
  const previous = readLock(dataDir)?.pid;
  const child = spawn('node_modules/.bin/tsx', ['src/cli/start.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) {
      // tsx runs the server in a child of its own: signal that one, as a crash would hit it.
      const lock = readLock(dataDir);
      if (signal === 'SIGKILL' && lock) process.kill(lock.pid, 'SIGKILL');
      child.kill(signal);
    }
    await exited;
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited while starting: ${out}`);
    const lock = readLock(dataDir);
    if (lock?.role === 'server' && lock.port && lock.pid !== previous) {
      const port = lock.port;
      return {
        url: `http://127.0.0.1:${port}`,
        port,
        output: () => out,
        stop: end('SIGTERM'),
        kill: end('SIGKILL'),
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${out}`);
}
