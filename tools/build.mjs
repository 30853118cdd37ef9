// Compiles libs/, services/ and tools/ (or only the directories given) to
// dist/ with swc and the options of /.swcrc (the ones jest uses too), turning
// the tsconfig path aliases into relative imports. Specs and spec fixtures
// are not compiled.
import { transformFile } from '@swc/core';
import { readFileSync, mkdirSync, writeFileSync, copyFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';

const root = process.cwd();
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const outDir = join(root, 'dist');
const tops = process.argv.length > 2 ? process.argv.slice(2) : ['libs', 'services', 'tools'];

// The web app is built by vite (services/web/vite.config.mts), not here.
const skipped = new Set([resolve(root, 'services/web')]);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (skipped.has(path)) continue;
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const jobs = [];
for (const top of tops) {
  for (const file of walk(resolve(root, top))) {
    const target = join(outDir, relative(root, file));
    if (file.endsWith('.json')) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
    } else if (file.endsWith('.ts') && !/\.(spec|fixtures)\.ts$/.test(file) && !file.endsWith('.d.ts')) {
      const options = { ...swcrc, swcrc: false, jsc: { ...swcrc.jsc, baseUrl: root, paths: compilerOptions.paths } };
      delete options.$schema;
      jobs.push(
        transformFile(file, options).then(({ code }) => {
          const out = target.replace(/\.ts$/, '.js');
          mkdirSync(dirname(out), { recursive: true });
          writeFileSync(out, code);
        }),
      );
    }
  }
}
await Promise.all(jobs);
