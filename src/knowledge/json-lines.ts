/**
 * JSON Lines for the measurement sets (held-back pastes, coverage samples): one record a
 * line, each checked; a broken line is reported as `file:line: problem`, never skipped.
 */
export function parseJsonLines<T>(
  text: string,
  file: string,
  check: (record: Record<string, unknown>) => string | null,
): { records: T[]; errors: string[] } {
  const records: T[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((line, k) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      errors.push(`${file}:${k + 1}: not JSON (${(error as Error).message})`);
      return;
    }
    const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const problem = check(record);
    if (problem) errors.push(`${file}:${k + 1}: ${problem}`);
    else records.push(record as T);
  });
  return { records, errors };
}
