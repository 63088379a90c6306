/**
 * How a viewer's rule-4 history stores one unknown part (SYNC.md §15): its sorted `person@week`
 * parts, one a line, deflated and in base64 (text, for both backends). A collaborative point holds
 * a part per provider; the weeks and the ids' shared prefixes repeat, so this is a fraction of the
 * JSON.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export function encodeParts(parts: readonly string[]): string {
  return deflateRawSync(parts.join('\n')).toString('base64');
}

export function decodeParts(text: string): string[] {
  const joined = inflateRawSync(Buffer.from(text, 'base64')).toString();
  return joined === '' ? [] : joined.split('\n');
}
