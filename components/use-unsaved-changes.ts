'use client';

import { useEffect, useRef } from 'react';

/** A form's fields as one comparable string (Next's hidden Server Action fields left out). */
export function serializeForm(form: HTMLFormElement): string {
  const pairs: string[] = [];
  for (const [name, value] of new FormData(form)) {
    if (name.startsWith('$ACTION')) continue;
    pairs.push(`${encodeURIComponent(name)}=${typeof value === 'string' ? encodeURIComponent(value) : `file:${value.name}`}`);
  }
  return pairs.join('&');
}

export const LEAVE_MESSAGE = 'U heeft wijzigingen die nog niet zijn opgeslagen. Wilt u deze pagina verlaten? Uw wijzigingen gaan dan verloren.';

/**
 * Warns before leaving the page (the browser's own "leave site?" dialog) when
 * the form with id `formId` differs from what was loaded or last saved.
 *
 * `savedKey` names the stored state the form shows: pass a new value after
 * every successful save or restore (the form then shows the stored plan, and
 * becomes the new "unchanged"), and null while it shows values that are not
 * stored (a refused or stale save keeps the typed values: still unsaved).
 *
 * The form is compared on `input`, `change` and clicks inside it (adding or
 * removing a row changes the form without an input event) and again when
 * leaving. The beforeunload listener is only attached while the form differs,
 * so an unchanged page keeps the browser's back/forward cache.
 *
 * Links handled by the Next.js router (the menu, "Plan bekijken") change the
 * page without unloading it, so beforeunload never fires for them: a click on
 * a link of this site asks with window.confirm instead, and stays when the
 * user cancels. (Back to a page reached inside the app is not caught.)
 */
export function useUnsavedChanges(formId: string, savedKey: string | null): void {
  const baseline = useRef<string | null>(null);
  const check = useRef<() => void>(() => {});

  useEffect(() => {
    const form = () => {
      const el = document.getElementById(formId);
      return el instanceof HTMLFormElement ? el : null;
    };
    const dirty = () => {
      const el = form();
      return el !== null && baseline.current !== null && serializeForm(el) !== baseline.current;
    };
    // Set when the user already confirmed leaving through a link: no second question.
    let confirmed = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (confirmed || !dirty()) return;
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    };
    let attached = false;
    check.current = () => {
      const now = dirty();
      if (now && !attached) window.addEventListener('beforeunload', onBeforeUnload);
      if (!now && attached) window.removeEventListener('beforeunload', onBeforeUnload);
      attached = now;
    };
    let timer: number | undefined;
    const later = () => {
      // After React has applied the change (a row added or removed on click).
      window.clearTimeout(timer);
      timer = window.setTimeout(() => check.current(), 0);
    };
    const onEvent = (event: Event) => {
      const target = event.target;
      const owner = target instanceof Element ? ((target.closest('button, input, select, textarea') as HTMLButtonElement | null)?.form ?? target.closest('form')) : null;
      if (owner?.id === formId) later();
    };
    const onLinkClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return; // a full page load: beforeunload asks
      if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return; // a place on this page
      if (!dirty()) return;
      if (window.confirm(LEAVE_MESSAGE)) {
        confirmed = true;
        window.setTimeout(() => (confirmed = false), 1000);
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    document.addEventListener('input', onEvent, true);
    document.addEventListener('change', onEvent, true);
    document.addEventListener('click', onEvent, true);
    document.addEventListener('click', onLinkClick, true);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('input', onEvent, true);
      document.removeEventListener('change', onEvent, true);
      document.removeEventListener('click', onEvent, true);
      document.removeEventListener('click', onLinkClick, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
      check.current = () => {};
    };
  }, [formId]);

  useEffect(() => {
    if (savedKey === null) {
      check.current();
      return;
    }
    const el = document.getElementById(formId);
    baseline.current = el instanceof HTMLFormElement ? serializeForm(el) : null;
    check.current();
  }, [formId, savedKey]);
}
