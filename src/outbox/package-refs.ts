/**
 * The package labels in a submission's `touches` JSON list (its `package:<label>` refs),
 * each once; an unreadable list touches nothing.
 *
 * @example
 * packageLabelsOf('["package:1A4…01","license:7"]'); // ['1A4…01']
 */
export function packageLabelsOf(touches: string): string[] {
  try {
    const refs = JSON.parse(touches) as unknown;
    if (!Array.isArray(refs)) return [];
    return [
      ...new Set(
        refs
          .filter((r): r is string => typeof r === 'string' && r.startsWith('package:'))
          .map((r) => r.slice('package:'.length)),
      ),
    ];
  } catch {
    return [];
  }
}
