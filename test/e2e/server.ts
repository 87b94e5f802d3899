import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OwnServer {
  /** Stops it (SIGTERM) and waits until it has exited and released its data folder. */
  stop: () => Promise<void>;
  /** Kills it at once (SIGKILL), as a crash or power cut would. */
  kill: () => Promise<void>;
}

/**
 * A server of our own on another port, serving a build we can replace
 * ("deploy"), with its own embedded database in `dataDir` (a new temporary
 * folder unless given, so a restart can reuse it).
 */
export async function startOwnServer(distDir: string, port: number, dataDir?: string): Promise<OwnServer> {
  // Node itself with tsx's loader, not the tsx wrapper: a SIGKILL must reach
  // the server, not leave it running as an orphan that still holds the port.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DIST_DIR: distDir,
      DATA_DIR: dataDir ?? mkdtempSync(join(tmpdir(), 'ita-data-')),
      LOG: 'silent',
    },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited while starting (port ${port} taken?)`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return { stop: end('SIGTERM'), kill: end('SIGKILL') };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

export function copyBuild(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ita-deploy-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Builds the app with another BUILD_ID and puts it where the server serves from. */
export function deployNewBuild(servedDir: string, buildId: string): void {
  const out = mkdtempSync(join(tmpdir(), 'ita-build-'));
  const r = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
    {
      env: { ...process.env, BUILD_ID: buildId },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  for (const name of readdirSync(servedDir)) rmSync(join(servedDir, name), { recursive: true, force: true });
  cpSync(out, servedDir, { recursive: true });
  rmSync(out, { recursive: true, force: true });
}
