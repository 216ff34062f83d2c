import { isSelected, SELECT_ATTRIBUTE, selectionKey, wegwijzerHref, type WegwijzerState } from '@/lib/wegwijzer-url';

/**
 * A link that chooses a cell, a law (row) or a level (column), keeping the
 * filters and search of `state`. A plain link to the page rendered for that
 * choice, ending in `#detail`, so that without JavaScript the browser jumps to
 * the detail; with JavaScript, lib/enhance/selection-focus.ts keeps the scroll
 * position and moves focus to the detail's heading instead.
 */
export function SelectLink({
  state,
  wet,
  niveau,
  className,
  children,
}: {
  state: WegwijzerState;
  wet?: string;
  niveau?: string;
  className: string;
  children: React.ReactNode;
}) {
  return (
    <a
      href={wegwijzerHref(state, { wet, niveau }, '#detail')}
      {...{ [SELECT_ATTRIBUTE]: selectionKey(wet, niveau) }}
      aria-current={isSelected(state, wet, niveau) ? 'true' : undefined}
      className={className}
    >
      {children}
    </a>
  );
}
