import type { ReportHeading } from '@dm/contracts';
import { upper } from './vietnamese-format';

export interface SignatureLine {
  text: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
}

/** Blank lines left for the signature and seal, between the signer's title and name. */
export const SIGNING_SPACE = 4;

/**
 * The closing block of Decree 30/2020/NĐ-CP: "Nơi nhận:" (12 pt bold italic)
 * and its recipients (11 pt) on the left; the signer's capacity (KT. GIÁM
 * ĐỐC), title and, after the space for the signature, name on the right.
 */
export function signatureLines(heading: ReportHeading): { left: SignatureLine[]; right: SignatureLine[] } {
  const left: SignatureLine[] = [
    { text: 'Nơi nhận:', bold: true, italic: true, size: 12 },
    ...heading.recipients.map((recipient) => ({ text: /^[-–]/.test(recipient) ? recipient : `- ${recipient}`, size: 11 })),
  ];
  const signer = heading.signer;
  const right: SignatureLine[] = signer
    ? [
        ...(signer.capacity ? [{ text: upper(signer.capacity), bold: true }] : []),
        { text: upper(signer.title), bold: true },
        ...Array.from({ length: SIGNING_SPACE }, () => ({ text: '' })),
        { text: signer.name, bold: true },
      ]
    : [];
  return { left, right };
}
