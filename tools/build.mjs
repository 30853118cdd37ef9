// Compiles libs/, services/ and tools/ to dist/ with swc, resolving the
// tsconfig path aliases to relative imports. Specs are not compiled.
import { transformFile } from '@swc/core';
import { readFileSync, mkdirSync, writeFileSync, copyFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';

const root = process.cwd();
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const outDir = join(root, 'dist');

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const jobs = [];
for (const top of ['libs', 'services', 'tools']) {
  for (const file of walk(join(root, top))) {
    const target = join(outDir, relative(root, file));
    if (file.endsWith('.json')) {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file, target);
    } else if (file.endsWith('.ts') && !/\.(spec|fixtures)\.ts$/.test(file) && !file.endsWith('.d.ts')) {
      jobs.push(
        transformFile(file, {
          sourceMaps: 'inline',
          module: { type: 'commonjs' },
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            keepClassNames: true,
            baseUrl: root,
            paths: compilerOptions.paths,
          },
        }).then(({ code }) => {
          const out = target.replace(/\.ts$/, '.js');
          mkdirSync(dirname(out), { recursive: true });
          writeFileSync(out, code);
        }),
      );
    }
  }
}
await Promise.all(jobs);
