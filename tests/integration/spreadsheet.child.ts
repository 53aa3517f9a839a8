// Child process for the spreadsheet memory tests: previews a plan import into a fresh database and
// prints, as one line of JSON, what it said and the process's peak resident memory in megabytes.
import { previewPlanImport } from '../../electron/plan/spreadsheetImport';
import { openStore } from '../../electron/store/store';

const [file] = process.argv.slice(2);
const store = await openStore(':memory:', { seedPlan: null });
let said: string;
try {
  const preview = await previewPlanImport(store, file);
  said = `${preview.rows} rows`;
} catch (error) {
  said = error instanceof Error ? error.message : String(error);
}
await store.close();
const peakMegabytes = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ said, peakMegabytes })}\n`);
