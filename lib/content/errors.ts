/** One problem in content/, pointing at the file and the field. */
export type ContentProblem = { file: string; path: string; message: string };

export function formatProblem(p: ContentProblem): string {
  return `content/${p.file} › ${p.path || '(bestand)'}: ${p.message}`;
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(
      `De inhoud in content/ bevat ${problems.length} fout(en):\n` + problems.map((p) => '  - ' + formatProblem(p)).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** Renders a zod/validator path like ["3", "kostensoorten", 1] as "[3].kostensoorten[1]". */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`))
    .join('');
}
