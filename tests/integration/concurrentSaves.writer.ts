// Child process for the concurrent-saves tests: runs "update set" through the command line's own
// run() COUNT times, each opening and closing the database (a file or a server's address) as a
// real command does, and prints how many failed and what they said.
import { run } from '../../electron/cli/main';

const [location, writer, count] = process.argv.slice(2);
const refs = ['2.E.3', '1.E.1', '8.E.4'];
const failures: string[] = [];
for (let i = 0; i < Number(count); i++) {
  let stderr = '';
  const code = await run(
    [
      'update',
      'set',
      refs[i % refs.length],
      '--month',
      '2007-10',
      '--status',
      'green',
      '--narrative',
      `${writer} ${i}`,
      '--db',
      location,
      '--as',
      writer,
    ],
    { out: () => {}, err: (text) => (stderr += text), env: {} },
  );
  if (code !== 0) failures.push(stderr.trim());
}
process.stdout.write(`${JSON.stringify({ writer, failures })}\n`);
