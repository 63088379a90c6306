/** How a child is named in pickers and lists. */
import type { ChildData } from '../../../domain/records';
import type { StoredRecord } from '../../../domain/envelope';
import { monthName } from '../../i18n/format';

/**
 * Each child's display name; a name used twice gets the birth month beside it ("Mia (March 2025)")
 * so she can tell them apart (DESIGN.md 3).
 */
export function childLabels(children: readonly StoredRecord<ChildData>[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const c of children)
    counts.set(c.data.name.toLowerCase(), (counts.get(c.data.name.toLowerCase()) ?? 0) + 1);
  const labels = new Map<string, string>();
  for (const c of children) {
    const isDuplicate = (counts.get(c.data.name.toLowerCase()) ?? 0) > 1;
    labels.set(
      c.id,
      isDuplicate && c.data.birthMonth
        ? `${c.data.name} (${monthName(c.data.birthMonth)})`
        : c.data.name,
    );
  }
  return labels;
}
