/**
 * The app's own mark: a signpost (wegwijzer) with two boards, in the app's
 * colours. The same drawing as app/icon.svg. Decorative beside the name.
 */
export function SiteMark({ className = '' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" width="36" height="36" aria-hidden="true" focusable="false" className={className}>
      <rect width="32" height="32" rx="6" fill="#1b4f72" />
      <rect x="14.5" y="5" width="3" height="23" rx="1" fill="#fff" />
      <path d="M7 7h13.5l3.5 3.5-3.5 3.5H7z" fill="#fff" />
      <path d="M25 16H11.5L8 19.5l3.5 3.5H25z" fill="#f2a900" />
    </svg>
  );
}
