'use client';

import { useEffect, useRef } from 'react';
import { SELECT_ATTRIBUTE } from '@/lib/wegwijzer-url';

/**
 * The wegwijzer's only client code. The matrix and the detail are rendered on
 * the server from the URL; choosing a cell is a client navigation (a link with
 * `scroll={false}`), so the server sends the new detail. After a choice by
 * click or Enter, once the new detail has rendered, this moves focus to the
 * detail's heading (scrolling it into view only when needed: beside the matrix
 * on wide screens it already is) and announces the choice.
 *
 * Back, forward and the filter form do not move focus. Without JavaScript the
 * links end in `#detail`, and the browser jumps there.
 */
export function SelectionFocus({ selection, message, headingId }: { selection: string; message: string; headingId: string }) {
  const live = useRef<HTMLParagraphElement>(null);
  const chosen = useRef<string | null>(null);
  const current = useRef(selection);

  useEffect(() => {
    function onClick(event: MouseEvent) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest(`a[${SELECT_ATTRIBUTE}]`) : null;
      const target = link?.getAttribute(SELECT_ATTRIBUTE);
      if (target == null) return;
      // Choosing what is already chosen renders nothing new: focus now.
      if (target === current.current) focusHeading(headingId);
      else chosen.current = target;
    }
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [headingId]);

  useEffect(() => {
    current.current = selection;
    if (chosen.current !== selection) return;
    chosen.current = null;
    focusHeading(headingId);
    // Written directly: a state update here would render twice for nothing.
    if (live.current) live.current.textContent = message;
  }, [selection, message, headingId]);

  return <p ref={live} aria-live="polite" className="sr-only" />;
}

function focusHeading(id: string) {
  const heading = document.getElementById(id);
  if (!heading) return;
  // A panel that scrolls on its own (wide screens) starts at its top again.
  const panel = heading.closest('[data-scroll-panel]');
  if (panel) panel.scrollTop = 0;
  const { top, bottom } = heading.getBoundingClientRect();
  if (top < 0 || bottom > window.innerHeight) heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}
