// "minutes list|edit|remove|approve": a meeting's minutes and decisions, corrected until the next
// meeting approves them, then locked. "meeting attendance" sets who attended, and how.
import type { Command } from 'commander';
import { dateLabel } from '../../shared/months';
import { repeatable, wholeNumber } from './arguments';
import { formatTable, type CliContext } from './context';

interface AttendanceOptions {
  present: string[];
  attending: string[];
  apologies: string[];
  absent: string[];
  represented: string[];
  visitor: string[];
}

/** "Member=Deputy" → { member, deputy }; a value without "=" is the member with no deputy named. */
function represented(values: string[]): { member: string; deputy: string }[] {
  return values.map((value) => {
    const [member, ...deputy] = value.split('=');
    return { member: member.trim(), deputy: deputy.join('=').trim() };
  });
}

export function registerMinutes(program: Command, cli: CliContext): void {
  const meetingId = wholeNumber('the meeting');
  const minutes = program
    .command('minutes')
    .description("A meeting's minutes and decisions: corrected until the next meeting approves them.")
    .addHelpText(
      'after',
      '\nExamples:\n  $ board-pack minutes list 3\n  $ board-pack minutes edit 12 "The board agreed the recovery plan."\n  $ board-pack minutes approve 3 --by "Commander VCD" --corrections "Item 4: date corrected."',
    );

  minutes
    .command('list')
    .description("List a meeting's minutes under each agenda item, and whether they are approved.")
    .argument('<meeting>', 'the meeting id', meetingId)
    .action(async (id: number, _options: unknown, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const d = await door.call('meetings.get', { id });
        const heading = new Map(d.agenda.map((a) => [a.id, `${a.position}. ${a.title}`]));
        const rows = d.minutes.map((m) => [
          m.id,
          m.agendaItemId === null ? 'General' : (heading.get(m.agendaItemId) ?? ''),
          m.kind,
          m.text,
        ]);
        cli.say(rows.length ? formatTable(['Id', 'Item', 'Kind', 'Text'], rows) : 'No minutes recorded yet.');
        cli.say(
          d.approval
            ? `Approved on ${dateLabel(d.approval.approvedOn)} by ${d.approval.approvedBy}.${d.approval.corrections ? ` Corrections noted: ${d.approval.corrections}` : ''} The minutes are locked.`
            : 'Not yet approved: the minutes can be corrected.',
        );
      });
    });

  minutes
    .command('edit')
    .description('Correct the wording of a minute or decision (until the minutes are approved).')
    .argument('<minute>', 'the minute id "minutes list" shows', wholeNumber('the minute'))
    .argument('<text>', 'the corrected wording')
    .action(async (minuteId: number, text: string, _options: unknown, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const saved = await door.call('meetings.editMinute', { minuteId, text });
        cli.say(`Corrected minute ${saved.id}: ${saved.text}`);
      });
    });

  minutes
    .command('remove')
    .description('Remove a minute or decision (until the minutes are approved).')
    .argument('<minute>', 'the minute id "minutes list" shows', wholeNumber('the minute'))
    .action(async (minuteId: number, _options: unknown, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const removed = await door.call('meetings.removeMinute', { minuteId });
        cli.say(`Removed minute ${removed.id}: ${removed.text}`);
      });
    });

  minutes
    .command('approve')
    .description("Record, at the next meeting, that a meeting's minutes were approved; they are then locked.")
    .argument('<meeting>', 'the meeting whose minutes were approved', meetingId)
    .requiredOption('--by <name>', 'who approved them (usually the chair)')
    .option('--on <YYYY-MM-DD>', "the day (default: the next meeting's date)")
    .option('--corrections <text>', 'corrections agreed before approval')
    .action(
      async (id: number, options: { by: string; on?: string; corrections?: string }, command: Command) => {
        await cli.withDoor(command, async (door) => {
          const approval = await door.call('meetings.approveMinutes', {
            meetingId: id,
            approvedBy: options.by,
            approvedOn: options.on,
            corrections: options.corrections ?? '',
          });
          cli.say(
            `Approved on ${dateLabel(approval.approvedOn)} by ${approval.approvedBy}; the minutes of meeting ${id} are now locked.`,
          );
        });
      },
    );

  const meeting = program.command('meeting').description('A meeting of the board: attendance.');
  meeting
    .command('attendance')
    .description('Set who attended and how; a person is in one state, never two. Options may be repeated.')
    .argument('<meeting>', 'the meeting id', meetingId)
    .option('--present <name>', 'a board member present', repeatable, [])
    .option('--attending <name>', 'an officer or lead attending', repeatable, [])
    .option('--apologies <name>', 'sent apologies', repeatable, [])
    .option('--absent <name>', 'absent without apologies', repeatable, [])
    .option('--represented <member=deputy>', 'a member represented by a named deputy', repeatable, [])
    .option('--visitor <name>', 'a visitor', repeatable, [])
    .addHelpText(
      'after',
      '\nExample:\n  $ board-pack meeting attendance 3 --present "Head of Performance" --apologies "MPA member" \\\n      --represented "DCS Violent Crime Directorate=DI Jones" --visitor "Home Office observer"',
    )
    .action(async (id: number, options: AttendanceOptions, command: Command) => {
      await cli.withDoor(command, async (door) => {
        const saved = await door.call('meetings.setAttendance', {
          meetingId: id,
          members: options.present,
          attendees: options.attending,
          apologies: options.apologies,
          absent: options.absent,
          represented: represented(options.represented),
          visitors: options.visitor,
        });
        const present = saved.chairs.length + saved.members.length + saved.attendees.length;
        cli.say(
          `Attendance saved: ${present} present, ${saved.apologies.length} apologies, ${saved.absent.length} absent, ${saved.represented.length} represented, ${saved.visitors.length} visiting.`,
        );
      });
    });
}
