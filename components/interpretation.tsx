/** Marks our reading of the sources, as opposed to what they literally say. */
export function Interpretation({ children, className = '' }: { children: React.ReactNode; className?: string }) {
  return (
    <p className={`border-l-4 border-accent-400 bg-accent-100 px-3 py-2 text-sm ${className}`}>
      <strong>Interpretatie:</strong> {children}
    </p>
  );
}
