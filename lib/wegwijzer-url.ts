/**
 * The wegwijzer's state lives in its URL so every view is a link to share.
 * Plain module (no zod, no server imports): the browser script uses it too (lib/enhance).
 */
export const WEGWIJZER_PARAMS = ['wet', 'niveau', 'kosten', 'fase', 'interventie', 'q'] as const;
export type WegwijzerParam = (typeof WEGWIJZER_PARAMS)[number];
export type WegwijzerState = Partial<Record<WegwijzerParam, string>>;

/** Builds "/wegwijzer?…" from a state, with `patch` applied (undefined removes a key). Keys in a fixed order. */
export function wegwijzerHref(state: WegwijzerState, patch: WegwijzerState = {}, hash = ''): string {
  const next: WegwijzerState = { ...state, ...patch };
  const params = new URLSearchParams();
  for (const key of WEGWIJZER_PARAMS) {
    const value = next[key];
    if (value) params.set(key, value);
  }
  const qs = params.toString();
  return `/wegwijzer${qs ? `?${qs}` : ''}${hash}`;
}

export function selectionKey(wet?: string | null, niveau?: string | null): string {
  return `${wet ?? ''}|${niveau ?? ''}`;
}

/** Marks the links that choose a selection in the matrix; the value is the selection they choose (selectionKey). */
export const SELECT_ATTRIBUTE = 'data-select';

/** The id of the detail's heading, where a choice in the matrix moves focus (lib/enhance/selection-focus.ts). */
export const DETAIL_HEADING_ID = 'detail-titel';

export const isSelected = (state: WegwijzerState, wet?: string, niveau?: string) =>
  (state.wet ?? '') === (wet ?? '') && (state.niveau ?? '') === (niveau ?? '');
