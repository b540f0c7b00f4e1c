import { formatPath, type z } from '../../lib/util/zod';

/**
 * A zod error as one line, `label: path: message; …`, the way describeZodError writes it, but cut after
 * `max` issues so a document with a thousand broken rows still gives a readable line.
 */
export function zodLine(error: z.core.$ZodError, label: string, max = 3): string {
  const shown = error.issues.slice(0, max).map((issue) => {
    const path = formatPath(issue.path);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - shown.length;
  const tail = more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '';
  return `${label}: ${shown.join('; ')}${tail}`.replace(/\s*\n\s*/g, ' ');
}
