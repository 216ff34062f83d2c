/** Marks our reading of the sources, as opposed to what they literally say. */
export function Interpretation({ children, className = '' }: { children: React.ReactNode; className?: string }) {
  return (
    // Styles in app/globals.css (.interpretation): /knelpunten has one per knelpunt, each in its inline RSC data.
    <p className={`interpretation ${className}`}>
      <strong>Interpretatie:</strong> {children}
    </p>
  );
}
