// Local only (not committed): the shared config against a server started by hand on E2E_PORT, with patience for a loaded machine.
import base from './playwright.config';
export default { ...base, webServer: undefined, workers: 1, timeout: 120_000, expect: { timeout: 20_000 } };
