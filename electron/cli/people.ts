// "people list|add|edit": the roster the app's owner and attendance fields choose from. People are
// never deleted: "edit --left" marks one as having left, so past records still read correctly.
import { Option, type Command } from 'commander';
import { personRoleSchema, type Person } from '../../shared/contract';
import { BoardPackError } from '../../shared/errors';
import { wholeNumber } from './arguments';
import { formatTable, type CliContext } from './context';

const ROLES = personRoleSchema.options;

interface PersonOptions {
  name?: string;
  role?: Person['role'];
  strand?: number;
  email?: string;
  left?: boolean;
  back?: boolean;
}

function describe(p: Person): string {
  const strand = p.strandNumber === null ? '' : `, strand ${p.strandNumber}`;
  return `${p.name} (${p.role.replace('_', ' ')}${strand})${p.retired ? ', marked as left' : ''}`;
}

export function registerPeople(program: Command, cli: CliContext): void {
  const people = program
    .command('people')
    .description(
      'The roster: strand leads and deputies, objective owners, members, officers and the secretariat.',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack people list\n  $ board-pack people add "DI Jones" --role deputy_lead --strand 2\n  $ board-pack people edit 4 --email jones@example.org',
    );

  people
    .command('list')
    .description('List everyone on the roster, those who have left last.')
    .option('--json', 'print the roster as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const list = await door.call('people.list', {});
        if (options.json) return cli.say(JSON.stringify(list, null, 2));
        const rows = list.map((p) => [
          p.id,
          p.name,
          p.role.replace('_', ' '),
          p.strandNumber === null ? '' : String(p.strandNumber),
          p.email,
          p.retired ? 'left' : '',
        ]);
        cli.say(formatTable(['Id', 'Name', 'Role', 'Strand', 'Email', ''], rows));
      });
    });

  people
    .command('add')
    .description('Add a person to the roster.')
    .argument('<name>', 'the name, or the role as the plan gives it')
    .addOption(new Option('--role <role>', 'their role').choices(ROLES).makeOptionMandatory())
    .option('--strand <number>', 'the strand, for a strand lead or deputy', wholeNumber('the strand'))
    .option('--email <address>', 'an email address (optional)')
    .action(async (name: string, options: PersonOptions, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const saved = await door.call('people.save', {
          name,
          role: options.role ?? 'member',
          strandNumber: options.strand ?? null,
          email: options.email ?? '',
        });
        cli.say(`Added ${describe(saved)} as person ${saved.id}.`);
      });
    });

  people
    .command('edit')
    .description('Change a person: name, role, strand, email, or mark them as left (or back).')
    .argument('<id>', 'the person, by the id "people list" shows', wholeNumber('the person'))
    .option('--name <name>', 'a new name')
    .addOption(new Option('--role <role>', 'a new role').choices(ROLES))
    .option('--strand <number>', 'the strand, for a strand lead or deputy', wholeNumber('the strand'))
    .option('--email <address>', 'a new email address ("" to clear it)')
    .option('--left', 'mark them as having left (kept on past records)')
    .option('--back', 'bring back someone marked as left')
    .action(async (id: number, options: PersonOptions, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const person = (await door.call('people.list', {})).find((p) => p.id === id);
        if (!person)
          throw new BoardPackError(
            'not_found',
            `There is no person ${id}; "people list" shows who there is.`,
          );
        const saved = await door.call('people.save', {
          id,
          name: options.name ?? person.name,
          role: options.role ?? person.role,
          strandNumber: options.strand ?? person.strandNumber,
          email: options.email ?? person.email,
          retired: options.left ? true : options.back ? false : person.retired,
        });
        cli.say(`Saved ${describe(saved)}.`);
      });
    });
}
