// The email text a secretariat sends a strand lead who still owes updates, as a mailto: link their
// own mail program opens (RFC 6068: every reserved character percent-encoded, lines ended CRLF).
// Board Pack sends nothing itself.
import { dateLabel, monthLabel, type ReportingMonth } from './months';
import { OWED_LABELS, type OwedObjective } from './contractChase';

export interface ChaseEmailInput {
  month: ReportingMonth;
  boardName: string;
  strandNumber: number;
  strandTitle: string;
  leadName: string;
  email: string | null;
  objectives: readonly OwedObjective[];
  indicators: readonly { ref: string; title: string }[];
  meetingHeldAt: string | null;
  issueBy: string | null;
  signedBy: string;
}

/** Long objective wording is cut so the link stays within what mail programs take (about 2,000 characters). */
function short(text: string, width = 70): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

export function chaseSubject(input: ChaseEmailInput): string {
  return `${monthLabel(input.month)} updates for strand ${input.strandNumber} (${input.strandTitle})`;
}

export function chaseBody(input: ChaseEmailInput): string {
  const month = monthLabel(input.month);
  const lines = [`Dear ${input.leadName},`, ''];
  const when = input.meetingHeldAt
    ? ` meets on ${dateLabel(input.meetingHeldAt)}${input.issueBy ? ` and its pack must be issued by ${dateLabel(input.issueBy)}` : ''}`
    : ' will meet soon';
  lines.push(`The ${input.boardName}${when}.`, '');
  if (input.objectives.length) {
    lines.push(`For ${month}, strand ${input.strandNumber} still owes updates for:`);
    for (const o of input.objectives) {
      const comment = o.state === 'returned' && o.comment ? `: ${short(o.comment, 80)}` : '';
      lines.push(`- ${o.ref} ${short(o.text)} (${OWED_LABELS[o.state]}${comment})`);
    }
    lines.push('');
  }
  if (input.indicators.length) {
    lines.push(`and has no ${month} figure yet for:`);
    for (const i of input.indicators) lines.push(`- ${i.ref} ${short(i.title)}`);
    lines.push('');
  }
  lines.push(
    input.issueBy
      ? `Please send them, or your return file, before ${dateLabel(input.issueBy)}.`
      : 'Please send them, or your return file, as soon as you can.',
    '',
    'Thank you,',
    input.signedBy,
  );
  return lines.join('\r\n');
}

/** The mailto: link: recipient (if known), subject and body, each percent-encoded. */
export function chaseMailto(input: ChaseEmailInput): string {
  const to = input.email ? encodeURIComponent(input.email).replace(/%40/g, '@') : '';
  return `mailto:${to}?subject=${encodeURIComponent(chaseSubject(input))}&body=${encodeURIComponent(chaseBody(input))}`;
}
