/** A text field left empty is absent from the body, so that the schema's optional fields stay optional. */
export const optionalText = (value: string | null | undefined): string | undefined => (value && value.trim() ? value : undefined);
