import Link from 'next/link';
import { isSelected, SELECT_ATTRIBUTE, selectionKey, wegwijzerHref, type WegwijzerState } from '@/lib/wegwijzer-url';

/**
 * A link that chooses a cell, a law (row) or a level (column), keeping the
 * filters and search of `state`. It ends in `#detail` so that without
 * JavaScript the browser jumps to the detail; with JavaScript it is a client
 * navigation without Next's scroll, and SelectionFocus moves focus instead.
 * Not prefetched: the matrix holds some thirty of these and every selection is
 * rendered per request; one request on click is quick enough.
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
    <Link
      href={wegwijzerHref(state, { wet, niveau }, '#detail')}
      prefetch={false}
      scroll={false}
      {...{ [SELECT_ATTRIBUTE]: selectionKey(wet, niveau) }}
      aria-current={isSelected(state, wet, niveau) ? 'true' : undefined}
      className={className}
    >
      {children}
    </Link>
  );
}

