import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VECTORS_FILE } from '../../src/app/vectors.js';
import { loadConfig } from '../../src/config.js';
import { TEMPLATE_FILE, TEMPLATE_INFO } from '../../src/state/template.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const UNIT = readFileSync(path.join(ROOT, 'deploy/news-qa-bot.service'), 'utf8');
const DOCKERFILE = readFileSync(path.join(ROOT, 'deploy/Dockerfile'), 'utf8');
const START = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;

/** Every value of `key` in the unit file (systemd allows a key more than once). */
function unitValues(key: string): string[] {
  return [...UNIT.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]!.trim());
}

function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

describe('the systemd unit', () => {
  // Where the tool is missing (macOS, a minimal CI image) there is nothing to verify the file with.
  it.skipIf(!hasTool('systemd-analyze'))('passes `systemd-analyze verify` without a warning (skipped where systemd-analyze is not installed)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'unit-'));
    try {
      // verify checks that ExecStart's program exists: point it at this machine's node.
      const file = path.join(dir, 'news-qa-bot.service');
      writeFileSync(file, UNIT.replace(/^ExecStart=\S+/m, `ExecStart=${process.execPath}`));
      const result = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
      expect(result.stderr + result.stdout).toBe('');
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs the compiled entry point that npm start runs, in the install directory, with its .env', () => {
    expect(unitValues('ExecStart')).toEqual([expect.stringMatching(/^\/\S*\/node dist\/main\.js$/)]);
    expect(START).toMatch(/\bnode dist\/main\.js$/);
    const dir = unitValues('WorkingDirectory')[0]!;
    expect(unitValues('EnvironmentFile')).toEqual([`${dir}/.env`]);
  });

  it('lets the bot drain (10 s) before systemd kills it, and stops it with SIGTERM', () => {
    expect(unitValues('KillSignal')).toEqual(['SIGTERM']);
    expect(Number(unitValues('TimeoutStopSec')[0])).toBeGreaterThanOrEqual(12);
  });

  it('may write exactly where the bot writes with the default settings: the articles folder, the index cache and the state', () => {
    const dir = unitValues('WorkingDirectory')[0]!;
    const config = loadConfig({}, { cwd: dir, dotenvFile: false });
    expect(unitValues('ProtectSystem')).toEqual(['strict']);
    expect(unitValues('ReadWritePaths').join(' ').split(/\s+/).sort()).toEqual([config.articlesDir, config.indexCacheDir, config.state.dir].sort());
  });
});

describe('the container image definition', () => {
  it('installs as the README says (npm ci builds, then the dev tools are pruned) and runs the compiled entry point', () => {
    const run = DOCKERFILE.match(/^RUN [\s\S]*?[^\\]$/m)?.[0] ?? '';
    expect(run.indexOf('npm ci')).toBeGreaterThan(-1);
    expect(run.indexOf('npm prune --omit=dev')).toBeGreaterThan(run.indexOf('npm ci'));
    expect(DOCKERFILE).toMatch(/^CMD \["node", "dist\/main\.js"\]$/m);
    expect(DOCKERFILE).toMatch(/^USER (?!root)\w+$/m);
  });

  it('keeps the articles, the index cache and the state on volumes, where the bot keeps them by default', () => {
    const workdir = /^WORKDIR (\S+)$/m.exec(DOCKERFILE)![1]!;
    const config = loadConfig({}, { cwd: workdir, dotenvFile: false });
    const volumes = JSON.parse(/^VOLUME (\[.*\])$/m.exec(DOCKERFILE)![1]!) as string[];
    expect(volumes.sort()).toEqual([config.articlesDir, config.indexCacheDir, config.state.dir].sort());
  });

  it('copies everything the build step reads', () => {
    const tsconfig = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8')) as { extends: string; include: string[] };
    const copied = [...DOCKERFILE.matchAll(/^COPY (.*) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    for (const needed of ['package.json', 'package-lock.json', 'tsconfig.build.json', path.basename(tsconfig.extends), ...tsconfig.include]) {
      expect(copied).toContain(needed);
    }
  });

  it('copies the files the bot reads at run time: the word vectors and the empty store it makes its store from', () => {
    const copied = [...DOCKERFILE.matchAll(/^COPY (.*) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    for (const file of [VECTORS_FILE, TEMPLATE_FILE, TEMPLATE_INFO]) {
      expect(copied).toContain(path.relative(ROOT, path.dirname(file)));
    }
  });
});

it('the licence is MIT', () => {
  expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the news-qa-bot authors\n/);
  expect((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { license: string }).license).toBe('MIT');
});
