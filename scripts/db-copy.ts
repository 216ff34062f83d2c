// npm run db:copy -- --from <url> --to <url> [--replace] [--batch-size <n>]
//
// Copies every table of the app's database from one store to another (SQLite
// file: URL or postgresql:// URL, either way or the same kind) and verifies
// each table's row count and checksum on both sides. The logic is in
// lib/store/copy.ts; README "Moving between SQLite and PostgreSQL".
// Exit codes: 0 copied and identical; 1 refused or failed (nothing written to
// the target); 2 copied, but the verification found a difference.
import { CopyRefused, copyDatabase, formatReport, redactUrl } from '../lib/store/copy';

const USAGE = 'gebruik / usage: npm run db:copy -- --from <url> --to <url> [--replace] [--batch-size <n>]';

function fail(message: string): never {
  console.error(`db:copy: ${message}`);
  process.exit(1);
}

function parse(argv: string[]): { from: string; to: string; replace: boolean; batchSize: number } {
  const values = new Map<string, string>();
  let replace = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--replace') {
      replace = true;
      continue;
    }
    const match = /^--(from|to|batch-size)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) fail(`onbekend argument / unknown argument: ${arg.startsWith('--') ? arg : '(een waarde / a value)'}\n${USAGE}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === '') fail(`--${match[1]} zonder waarde / without a value\n${USAGE}`);
    values.set(match[1], value);
  }
  const from = values.get('from');
  const to = values.get('to');
  if (!from || !to) fail(USAGE);
  const batchSize = Number(values.get('batch-size') ?? 500);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) fail('--batch-size moet 1 tot 10000 zijn / must be 1 to 10000');
  return { from, to, replace, batchSize };
}

const args = parse(process.argv.slice(2));
const started = Date.now();
console.log(`Kopiëren / copying: ${redactUrl(args.from)} → ${redactUrl(args.to)}`);
try {
  const report = await copyDatabase({ ...args, log: (line) => console.log(line) });
  console.log(`\n${report.copied} rijen gekopieerd / rows copied in ${((Date.now() - started) / 1000).toFixed(1)} s. Controle / verification:\n`);
  console.log(formatReport(report.tables));
  if (!report.ok) {
    console.error(
      '\ndb:copy: bron en doel verschillen (zie boven); schreef de app nog naar de bron? / source and target differ (see above); was the app still writing to the source?',
    );
    process.exit(2);
  }
  console.log('\nBron en doel zijn gelijk / source and target are identical.');
} catch (error) {
  if (error instanceof CopyRefused) fail(`${error.message}\nEr is niets naar het doel geschreven / nothing was written to the target.`);
  fail(`mislukt / failed: ${error instanceof Error ? error.message : String(error)}`);
}
