import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (where nx.json is), from the sources or from dist/. */
export const ROOT = ((dir: string) => {
  while (!existsSync(join(dir, 'nx.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})(__dirname);

/** Compiles the repository to dist/ once, as `npm start` does. */
export function buildOnce(): void {
  execFileSync(process.execPath, ['tools/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * A built main (`dist/...`) in its own process, once its /health answers 200; its output is shown if it fails to start.
 * `nodeArgs` go before the main (e.g. `--cpu-prof`); `output` receives what it prints.
 */
export async function spawnHealthy(
  main: string,
  env: NodeJS.ProcessEnv,
  port: number,
  timeoutMs = 60_000,
  nodeArgs: string[] = [],
  onOutput?: (chunk: string) => void,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d).slice(-65_536);
    onOutput?.(String(d));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${main} exited ${child.exitCode}: ${output}`);
    try {
      // Each probe bounded: a health check that hangs is asked again, and the start still fails at its deadline.
      if ((await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(5_000) })).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${main} did not start: ${output}`);
}

/** The standalone process (`node dist/services/standalone/src/main.js`) on a data directory. */
export async function startStandalone(dataDir: string, port: number): Promise<ChildProcess> {
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', MONITOR_DATA_DIR: dataDir };
  return spawnHealthy('dist/services/standalone/src/main.js', env, port, 20_000);
}

/** Sends `signal` and waits for the exit; after `graceMs` (if given) a process still running is killed outright. */
export async function kill(child: ChildProcess, signal: NodeJS.Signals, graceMs?: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = graceMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      if (timer) clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

export function runCli(args: string[], dataDir: string): string {
  return execFileSync(process.execPath, ['dist/tools/cli/main.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, MONITOR_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}
