import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Tinos, metric-compatible with Times New Roman (the font of Decree
 * 30/2020/NĐ-CP) and with every Vietnamese glyph, from its npm package.
 * Found through the package, not beside this file, so that the sources
 * under jest and the build in dist/ find it alike.
 */
export const FONTS = {
  regular: 'Tinos',
  bold: 'Tinos-Bold',
  italic: 'Tinos-Italic',
  boldItalic: 'Tinos-BoldItalic',
} as const;

const FILES: Record<keyof typeof FONTS, string> = {
  regular: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

let loaded: Record<keyof typeof FONTS, Buffer> | null = null;

/** The four faces' files, read once. */
export function tinosFonts(): Record<keyof typeof FONTS, Buffer> {
  if (!loaded) {
    const directory = dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
    const read = (file: string) => readFileSync(join(directory, file));
    loaded = { regular: read(FILES.regular), bold: read(FILES.bold), italic: read(FILES.italic), boldItalic: read(FILES.boldItalic) };
  }
  return loaded;
}

export function registerTinos(doc: PDFKit.PDFDocument): void {
  const fonts = tinosFonts();
  for (const face of Object.keys(FONTS) as (keyof typeof FONTS)[]) doc.registerFont(FONTS[face], fonts[face]);
  doc.font(FONTS.regular);
}
