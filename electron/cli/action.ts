// "action list|edit|note|complete|reopen|remove": the board's action log as a tracker. Overdue is
// worked out on the day asked; a due date before the meeting that raised the action needs --confirm.
import { Option, type Command } from 'commander';
import type { BoardAction } from '../../shared/contract';
import { dateLabel } from '../../shared/months';
import { formatTable, type CliContext } from './context';

const SHOWN = ['open', 'overdue', 'complete'] as const;

function line(a: BoardAction): string {
  return `${a.ref}: ${a.description} (${a.owner}${a.dueDate ? `, due ${dateLabel(a.dueDate)}` : ''}) ${a.shownStatus}`;
}

export function registerAction(program: Command, cli: CliContext): void {
  const action = program
    .command('action')
    .description(
      "The board's action log: edit, reassign, note progress, complete with a closing note, remove.",
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack action list --status overdue\n  $ board-pack action edit A2007-10/1 --owner "DI Jones"\n  $ board-pack action note A2007-10/1 "Draft with the chair."\n  $ board-pack action complete A2007-10/1 --note "Circulated on 12 November."',
    );

  action
    .command('list')
    .description('List the actions on the log, with their notes.')
    .addOption(new Option('--status <status>', 'only these').choices(SHOWN))
    .option('--owner <words>', 'only owners whose name contains these words')
    .option('--json', 'print the actions as JSON')
    .action(
      async (
        options: { status?: (typeof SHOWN)[number]; owner?: string; json?: boolean },
        command: Command,
      ) => {
        await cli.withDoor(command, async (door) => {
          const list = await door.call('actions.list', { status: options.status, owner: options.owner });
          if (options.json) return cli.say(JSON.stringify(list, null, 2));
          if (list.length === 0) return cli.say('No actions match.');
          const rows = list.map((a) => [
            a.ref,
            a.description,
            a.owner,
            a.dueDate ?? '',
            a.shownStatus,
            a.closingNote ?? a.updates.at(-1)?.text ?? '',
          ]);
          cli.say(formatTable(['Ref', 'Action', 'Owner', 'Due', 'Status', 'Latest note'], rows));
        });
      },
    );

  action
    .command('edit')
    .description('Change the description, reassign the owner, or move the due date.')
    .argument('<ref>', 'the action reference, e.g. A2007-10/1')
    .option('--description <text>', 'what is to be done')
    .option('--owner <name>', 'the new owner (noted as a reassignment)')
    .option('--due <YYYY-MM-DD>', 'the new due date ("none" to clear it)')
    .option('--confirm', 'keep a due date before the meeting that raised the action')
    .action(
      async (
        ref: string,
        options: { description?: string; owner?: string; due?: string; confirm?: boolean },
        command: Command,
      ) => {
        await cli.withDoor(command, async (door) => {
          const saved = await door.call('actions.edit', {
            ref,
            description: options.description,
            owner: options.owner,
            dueDate: options.due === undefined ? undefined : options.due === 'none' ? null : options.due,
            confirmEarlyDue: options.confirm ?? false,
          });
          cli.say(`Saved ${line(saved)}.`);
        });
      },
    );

  action
    .command('note')
    .description('Add a dated progress note, in your name.')
    .argument('<ref>', 'the action reference')
    .argument('<text>', 'the note')
    .action(async (ref: string, text: string, _options: unknown, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const saved = await door.call('actions.note', { ref, text });
        cli.say(
          `Noted on ${saved.ref} (${saved.updates.length} note${saved.updates.length === 1 ? '' : 's'}).`,
        );
      });
    });

  action
    .command('complete')
    .description('Complete an action with the note it is closed with.')
    .argument('<ref>', 'the action reference')
    .requiredOption('--note <text>', 'the closing note: how it was done')
    .action(async (ref: string, options: { note: string }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const saved = await door.call('actions.complete', { ref, note: options.note });
        cli.say(
          `Completed ${saved.ref} on ${dateLabel(saved.completedOn ?? '')}: ${saved.closingNote ?? ''}`,
        );
      });
    });

  action
    .command('reopen')
    .description('Reopen a completed action.')
    .argument('<ref>', 'the action reference')
    .option('--note <text>', 'why it is reopened')
    .action(async (ref: string, options: { note?: string }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const saved = await door.call('actions.reopen', { ref, note: options.note ?? '' });
        cli.say(`Reopened ${line(saved)}.`);
      });
    });

  action
    .command('remove')
    .description('Take an action off the log, saying why; its record and reference are kept.')
    .argument('<ref>', 'the action reference')
    .requiredOption('--reason <text>', 'why it is removed')
    .action(async (ref: string, options: { reason: string }, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const removed = await door.call('actions.remove', { ref, reason: options.reason });
        cli.say(`Removed ${removed.ref} from the log: ${removed.removedReason}`);
      });
    });
}
