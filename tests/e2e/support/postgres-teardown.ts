import { spawnSync } from 'node:child_process';

// playwright.postgres.config.ts: the run's database goes when the run ends
// (its server is stopped right after; open connections are cut).
export default function teardown(): void {
  const name = process.env.E2E_POSTGRES_DATABASE;
  if (!name) return;
  spawnSync(process.execPath, ['scripts/pg-database.mjs', 'drop', name], { stdio: 'inherit' });
}
