// Child process for the concurrent-saves tests: the desktop app's side. Opens the database (a file
// or a server's address) once, as the app does, and records COUNT updates through dispatch and the
// app's handlers, printing how many failed and what they said.
import { dispatch } from '../../electron/handlers/dispatch';
import { createServices } from '../../electron/handlers/services';
import { openStore } from '../../electron/store/store';

const [location, writer, count] = process.argv.slice(2);
const refs = ['2.E.3', '1.E.1', '8.E.4'];
const store = await openStore(location);
const services = createServices(store, { door: 'electron', defaultActor: writer });
const failures: string[] = [];
for (let i = 0; i < Number(count); i++) {
  const result = await dispatch(services, 'updates.record', {
    ref: refs[i % refs.length],
    month: '2007-10',
    status: 'green',
    narrative: `${writer} ${i}`,
    state: 'submitted',
  });
  if (!result.ok) failures.push(`${result.error.code}: ${result.error.message}`);
}
await store.close();
process.stdout.write(`${JSON.stringify({ writer, failures })}\n`);
