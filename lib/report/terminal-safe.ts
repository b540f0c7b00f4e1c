/**
 * C0 and C1 controls (ESC, CSI, BEL, newlines, carriage returns …), DEL, the line and paragraph separators and the
 * bidirectional overrides: a string from data that holds one could move the cursor, recolour or rewrite the
 * terminal, or forge a line of the report.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One line of text for a terminal: every control character from data shown as `�`. */
export function terminalSafe(line: string): string {
  return line.replace(UNSAFE, '\uFFFD');
}

/**
 * JSON for a terminal: `JSON.stringify` escapes C0 controls but writes C1 controls (a lone U+009B is a CSI) and
 * the separators raw; those become `\uXXXX` escapes, so the text parses to the same value.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
