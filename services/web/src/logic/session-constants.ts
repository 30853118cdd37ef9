/** The header a browser's writes carry the session's CSRF token in (identity contract, CSRF_HEADER). */
export const CSRF_HEADER = 'x-csrf-token';
