'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FORM_TOO_LARGE_MESSAGE, MAX_BODY_BYTES, estimateFormBytes } from '@/lib/limits';

/**
 * The request body limit (lib/limits.ts), checked in the browser before a
 * form is posted to its Server Action. Over the limit the submit is
 * cancelled (React then does not call the action), a Dutch message is shown
 * and everything typed stays in the form. Without this check Next refuses
 * the body itself with an error page and the input is gone; without
 * JavaScript that is what happens (README, decisions).
 */
export function useBodyLimit(state: unknown): { message: string | null; onSubmit: (event: FormEvent<HTMLFormElement>) => void } {
  const [message, setMessage] = useState<string | null>(null);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const native = event.nativeEvent;
    const submitter = 'submitter' in native && native.submitter instanceof HTMLElement ? native.submitter : null;
    // The same fields the browser will post, including the pressed button's intent, and the
    // previous action state, which useActionState posts too (it holds the form's values again).
    const bytes = estimateFormBytes(new FormData(event.currentTarget, submitter).entries(), state);
    if (bytes <= MAX_BODY_BYTES) {
      setMessage(null);
      return;
    }
    event.preventDefault();
    const mb = (bytes / (1024 * 1024)).toLocaleString('nl-NL', { maximumFractionDigits: 1 });
    setMessage(`${FORM_TOO_LARGE_MESSAGE} (Nu ongeveer ${mb} MB.)`);
  }
  return { message, onSubmit };
}

/** The refusal, focused when it appears so screen readers and keyboard users get it at once. */
export function BodyLimitMessage({ message }: { message: string | null }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <p ref={ref} id="te-groot-melding" role="alert" tabIndex={-1} className="mb-6 border-l-4 border-red-700 bg-red-50 px-4 py-3 font-medium focus:outline-none focus-visible:outline-[3px]">
      {message}
    </p>
  );
}
