// Child process for the fast-path test: builds one meeting's pack from an existing database and
// prints its SHA-256, with or without the fast paths as its environment says.
import { buildPack } from '../../electron/pack/index';
import { fastPathsInstalled } from '../../electron/pack/fonts';
import { openStore } from '../../electron/store/store';

const [path, meetingId, draft] = process.argv.slice(2);
const store = openStore(path, { seedPlan: null });
const built = await buildPack(store, { meetingId: Number(meetingId), draft: draft === 'draft' });
store.close();
console.log(JSON.stringify({ sha256: built.sha256, pages: built.pages, fastPaths: fastPathsInstalled() }));
