// Child process for the backup tests: writes updates in a loop, each save its own transaction
// with its audit record, until it is killed. Prints "ready" after its first write.
import { openStore } from '../../electron/store/store';

const [path] = process.argv.slice(2);
const store = await openStore(path, { seedPlan: null });
const refs = (await store.plan.objectives()).map((o) => o.ref);
let n = 0;
for (;;) {
  const ref = refs[n % refs.length];
  await store.updates.save(
    {
      ref,
      month: '2007-10',
      status: 'green',
      narrative: `Write ${n}`,
      author: 'Writer',
      state: n % 2 === 0 ? 'draft' : 'submitted',
    },
    new Date(Date.UTC(2007, 9, 1) + n * 1000).toISOString(),
  );
  if (n === 0) process.stdout.write('ready\n');
  n += 1;
}
