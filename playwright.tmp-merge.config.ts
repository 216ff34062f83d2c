// Local only (not committed): the shared config with patience for a loaded machine.
import base from './playwright.config';
const webServer = Array.isArray(base.webServer) ? base.webServer[0] : base.webServer;
export default { ...base, webServer: { ...webServer, timeout: 1_200_000 }, workers: 1, timeout: 120_000, expect: { timeout: 20_000 } };
