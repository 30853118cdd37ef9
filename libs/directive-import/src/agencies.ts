/** The registry as an import reads it: every agency and group valid on the directive's date, with the names it may be written by. */
export interface ImportRegistry {
  agencies: Array<{ id: string; name: string; aliases: string[]; kind: string }>;
  groups: Array<{ id: string; name: string; aliases?: string[] }>;
}

/** An agency or group named in a text. */
export interface AgencyMention {
  /** Offsets in the text given, end exclusive. */
  start: number;
  end: number;
  /** As written. */
  text: string;
  agencyId: string | null;
  confidence: number;
}

/** Places agency names in a registry, tolerant of OCR errors in diacritics and spacing. */
export class AgencyMatcher {
  constructor(_registry: ImportRegistry) {}

  /** Every agency or group named in a running text, in order, longest names first where they overlap. */
  mentions(_text: string): AgencyMention[] {
    throw new Error('not built yet');
  }
}
