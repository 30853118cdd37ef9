// The production dependency check (README, "Dependencies and advisories").
//
//   node tools/audit/check.mjs
//
// 1. Runs `npm audit --omit=dev --json`. When the registry answers, every
//    high or critical advisory it reports must be listed in
//    tools/audit/advisories.json (with why it does not apply), else exit 1.
// 2. When the advisory endpoint is refused (some registries and mirrors answer
//    405 to its POST), falls back to the reviewed list: walks the production
//    tree (`npm ls --omit=dev --all --parseable`), reads each installed
//    version, and reports every listed advisory whose affected range holds an
//    installed version. Exit 1 when one of them is high or critical and still
//    'open'. This fallback knows only what the last review recorded.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const semver = require('semver');
const root = process.cwd();
const reviewed = JSON.parse(readFileSync(new URL('./advisories.json', import.meta.url), 'utf8'));
const serious = (severity) => severity === 'high' || severity === 'critical';
const npm = (args) => spawnSync('npm', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 180_000 });

function fromAudit() {
  const run = npm(['audit', '--omit=dev', '--json']);
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    return null;
  }
  if (!report || report.error || !report.vulnerabilities) {
    console.log(`npm audit: the advisory endpoint did not answer (${report?.message || report?.error?.summary || `exit ${run.status}`})`);
    return null;
  }
  const listed = new Set(reviewed.advisories.filter((a) => a.status === 'not-applicable').map((a) => a.package));
  let unlisted = 0;
  for (const [name, v] of Object.entries(report.vulnerabilities)) {
    if (!serious(v.severity)) continue;
    const ok = listed.has(name);
    if (!ok) unlisted++;
    console.log(`${ok ? 'listed  ' : 'UNLISTED'} ${v.severity.padEnd(8)} ${name} ${v.range}`);
  }
  console.log(`npm audit: ${unlisted} high/critical package(s) not in tools/audit/advisories.json`);
  return unlisted === 0 ? 0 : 1;
}

function installedVersions() {
  const run = npm(['ls', '--omit=dev', '--all', '--parseable']);
  const versions = new Map();
  for (const dir of run.stdout.split('\n').slice(1).filter(Boolean)) {
    try {
      const { name, version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (!versions.has(name)) versions.set(name, new Set());
      versions.get(name).add(version);
    } catch {
      // a package without a readable package.json is not one npm installed
    }
  }
  return versions;
}

function fromReview() {
  const versions = installedVersions();
  const count = [...versions.values()].reduce((n, s) => n + s.size, 0);
  const age = Math.floor((Date.now() - Date.parse(reviewed.reviewed)) / 86_400_000);
  console.log(`fallback: ${count} production package versions checked against the review of ${reviewed.reviewed} (${age} days ago)`);
  if (age > 90) console.log('the review is over 90 days old: look the production tree up again and update tools/audit/advisories.json');
  let open = 0;
  for (const a of reviewed.advisories) {
    for (const version of versions.get(a.package) ?? []) {
      if (!semver.satisfies(version, a.affected)) continue;
      const blocking = serious(a.severity) && a.status !== 'not-applicable';
      if (blocking) open++;
      console.log(
        `${blocking ? 'OPEN          ' : a.status.padEnd(14)} ${a.severity.padEnd(8)} ${a.package}@${version} ${a.id} (fixed ${a.fixed})`,
      );
    }
  }
  console.log(`fallback: ${open} open high/critical advisory(ies) in the production tree`);
  return open === 0 ? 0 : 1;
}

process.exitCode = fromAudit() ?? fromReview();
