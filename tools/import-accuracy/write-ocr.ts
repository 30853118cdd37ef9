import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addOcrNoise, seedOf } from './ocr-noise';

/**
 * `npm run import:ocr-noise`: writes each corpus text's `*.ocr.txt` copy with OCR-like noise
 * (ocr-noise.ts), seeded by the file's name so that a run writes the same bytes again. Texts
 * that are already a real scan's OCR (`"realOcr": true` in their expected answer) get none.
 */
function main() {
  const dir = join(resolve(process.argv[2] ?? process.cwd()), 'libs/directive-import/corpus');
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.txt') || file.endsWith('.ocr.txt')) continue;
    const base = file.replace(/\.txt$/, '');
    const expected = JSON.parse(readFileSync(join(dir, `${base}.expected.json`), 'utf8')) as { realOcr?: boolean };
    if (expected.realOcr) continue;
    writeFileSync(join(dir, `${base}.ocr.txt`), addOcrNoise(readFileSync(join(dir, file), 'utf8'), seedOf(base)));
    console.error(`wrote ${base}.ocr.txt`);
  }
}

if (require.main === module) main();
