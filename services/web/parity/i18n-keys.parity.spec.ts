import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../src/i18n/en';
import { vi } from '../src/i18n/vi';

/** Every key of a resource tree, with the plural suffixes (_one, _other) folded into the key itself. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([name, value]) =>
    typeof value === 'string' ? [`${prefix}${name.replace(/_(zero|one|two|few|many|other)$/, '')}`] : keys(value, `${prefix}${name}.`),
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const SRC = join(__dirname, '..', 'src');
const viKeys = new Set(keys(vi));

describe('the texts of the web app', () => {
  it('says in English what it says in Vietnamese', () => {
    const english = new Set(keys(en));
    // English alone names the API's rates; in Vietnamese the server's own labels are shown.
    expect([...viKeys].filter((k) => !english.has(k))).toEqual([]);
    expect([...english].filter((k) => !viKeys.has(k) && !k.startsWith('rates.'))).toEqual([]);
  });

  it('has a Vietnamese text for every key the code asks for', () => {
    const used = new Set<string>();
    const prefixes = new Set<string>();
    for (const file of sources(SRC)) {
      const code = readFileSync(file, 'utf8');
      for (const [, key] of code.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(key);
      for (const [, key] of code.matchAll(/labelKey: '([\w.]+)'/g)) used.add(key);
      for (const [, prefix] of code.matchAll(/\bt\(\s*`([\w.-]+)\.\$\{/g)) prefixes.add(prefix);
    }
    expect([...used].filter((key) => !viKeys.has(key))).toEqual([]);
    expect([...prefixes].filter((prefix) => ![...viKeys].some((k) => k.startsWith(`${prefix}.`)) && prefix !== 'rates')).toEqual([]);
  });

  it('writes Vietnamese with its letters, not without accents', () => {
    const texts = JSON.stringify(vi);
    for (const word of [
      'Nhiệm vụ của tôi',
      'Văn bản chỉ đạo',
      'Quá hạn',
      'Chờ xác nhận',
      'Hoàn thành',
      'Đang thực hiện',
      'Gia hạn',
      'Lịch sử',
      'Kiểm tra',
      'Đăng xuất',
    ])
      expect(texts).toContain(word);
  });
});
