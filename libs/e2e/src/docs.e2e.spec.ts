import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, ROOT } from './process-harness';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const headings = (doc: string) => [...read(doc).matchAll(/^#+ (.+)$/gm)].map((m) => m[1].trim());

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) yield* sources(path);
    else if (/\.(ts|js|mjs)$/.test(name)) yield path;
  }
}

/** The design in the repository is the code's: what it names exists, and what the code cites is there. */
describe('docs/', () => {
  const architecture = read('docs/architecture.md');

  it('names only files that exist', () => {
    const named = [...architecture.matchAll(/`((?:libs|services|tools)\/[^`\s<*]+\.ts)`/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(50);
    expect(named.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('cites only sections that exist, and never a design document outside the repository', () => {
    const files = [...sources('libs'), ...sources('services'), ...sources('tools'), 'jest.config.js', 'eslint.config.mjs'];
    const citations = files.flatMap((file) =>
      [
        ...read(file)
          .replace(/\n\s*(\*|\/\/)\s*/g, ' ')
          .matchAll(/docs\/(architecture|domain|reporting|security)\.md, "([^"]+)"/g),
      ].map((m) => ({ file, doc: `docs/${m[1]}.md`, section: m[2] })),
    );
    expect(citations.length).toBeGreaterThan(5);
    expect(citations.filter((c) => !headings(c.doc).includes(c.section))).toEqual([]);
    expect(files.filter((file) => /DESIGN\.md|DOMAIN\.md|\.\.\/shared\//.test(read(file)))).toEqual([]);
  });

  it('walks every file a progress report runs through (npm run write-path)', () => {
    buildOnce();
    const output = execFileSync(process.execPath, ['dist/tools/bench/write-path.js'], { cwd: ROOT, encoding: 'utf8' });
    const ran = output
      .split('\n')
      .map((line) => /^[* ] (\S+\.ts)$/.exec(line)?.[1])
      .filter((path): path is string => !!path);
    expect(ran.length).toBeGreaterThan(30);
    const walk = architecture.slice(architecture.indexOf('## The walk of a progress report'), architecture.indexOf('## Events'));
    expect(ran.filter((path) => !walk.includes(path))).toEqual([]);
    const slice = output.split('\n').filter((line) => line.startsWith('* '));
    expect(slice).toHaveLength(6);
  }, 120_000);
});
