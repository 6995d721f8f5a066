import { type ChildProcess, spawn } from 'node:child_process';
import { tempDir, tempDirPerKey } from './temp-dirs.ts';
import type { DialectContext } from './test-db.ts';

const CLI = new URL('../../bin/tracegate.js', import.meta.url).pathname;

/** Environment for a CLI process on this suite's dialect: a fresh data dir, or the test database. */
export function cliEnv(ctx: DialectContext, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // PostgreSQL suites share one database per file, so they share its vault key file too.
  const dataDir =
    ctx.dialect === 'postgres' ? sharedDataDir(ctx.database.location) : tempDir('tg-cli-');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    TRACEGATE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...extra,
  };
  if (ctx.dialect === 'postgres') env.DATABASE_URL = ctx.database.location;
  return env;
}

const sharedDataDir = tempDirPerKey('tg-cli-');

/** Runs `tracegate <args>` to completion. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin?: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, cwd: env.TRACEGATE_DATA_DIR });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** Starts `tracegate start` and resolves once its banner printed the URL. */
export function startCli(
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; url: string; banner: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'start'], { env, cwd: env.TRACEGATE_DATA_DIR });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tracegate start printed no URL within 120 s:\n${out}`));
    }, 120_000);
    const onData = (d: Buffer) => {
      out += d;
      const match = /Console:\s+(http:\/\/\S+?)\/?\s/.exec(out);
      if (match?.[1] && /\n\n\s*$|Password:.*\n/.test(out)) {
        clearTimeout(timer);
        resolve({ child, url: match[1], banner: out, output: () => out });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tracegate start exited with ${code}:\n${out}`));
    });
  });
}
