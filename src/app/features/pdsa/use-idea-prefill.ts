/**
 * "Start a PDSA cycle from this idea" (DESIGN.md 5): `/pdsa/new?idea=<text>` opens a new cycle
 * with her idea to try next as the change idea and as what she will try. Applied once, only to an
 * empty worksheet, so a draft she already started is never overwritten.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { PdsaFormValues } from './pdsa-form';

const CHANGE_IDEA_MAX = 200;

interface Editor {
  state: string;
  values: PdsaFormValues | null;
  change: (patch: Partial<PdsaFormValues>) => void;
}

/** The worksheet fields an idea fills, or null when there is nothing to fill. */
export function ideaPrefill(
  values: PdsaFormValues,
  idea: string | undefined,
): Partial<PdsaFormValues> | null {
  const text = idea?.trim() ?? '';
  if (!text || values.changeIdea.trim() || values.plan.what.trim()) return null;
  return { changeIdea: text.slice(0, CHANGE_IDEA_MAX), plan: { ...values.plan, what: text } };
}

/** Fills a new, empty worksheet from `idea` once it has loaded. */
export function useIdeaPrefill(editor: Editor, idea: string | undefined): void {
  const isDone = useRef(false);
  useEffect(() => {
    if (isDone.current || editor.state !== 'ready' || !editor.values) return;
    isDone.current = true;
    const patch = ideaPrefill(editor.values, idea);
    if (patch) editor.change(patch);
  }, [editor.state, editor.values, idea]);
}
