// Composes a demo update's narrative, next steps and risks from the phrase banks, in the voice
// of the objective's strand. Red and Amber always say why and what is being done.
import type { Status } from '../../shared/domain';
import type { DemoRandom } from './random';
import {
  BOROUGHS,
  CAUSES,
  COMPLETIONS,
  FALLBACK_VOICE,
  MITIGATIONS,
  NEXT_STEPS,
  NOT_STARTED,
  PROGRESS,
  RISKS,
  STRAND_VOICES,
  YEAR_TWO_WAITING,
} from './phrases';

export interface DemoText {
  narrative: string;
  nextSteps: string;
  risks: string;
}

type Cast = Record<string, string>;

/** Who and what one update talks about, drawn once so its narrative, next steps and risks agree. */
function castFor(strandNumber: number, random: DemoRandom): Cast {
  const voice = STRAND_VOICES[strandNumber] ?? FALLBACK_VOICE;
  const borough = random.pick(BOROUGHS);
  return {
    unit: random.pick(voice.unit),
    forum: random.pick(voice.forum),
    partner: random.pick(voice.partner),
    work: random.pick(voice.work),
    borough,
    borough2: random.pick(BOROUGHS.filter((b) => b !== borough)),
    count: String(random.int(3, 28)),
  };
}

function fill(template: string, cast: Cast): string {
  const text = template.replace(/\{(\w+)\}/g, (_, key: string) => cast[key] ?? key);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The RIPE letter an objective's narrative speaks to: one of the letters of its theme code. */
function themeLetter(themeCode: string, random: DemoRandom): string {
  const letters = themeCode.split('').filter((l) => l in PROGRESS);
  return letters.length ? random.pick(letters) : 'P';
}

/**
 * The words of one update. waitingForYear2: a Year 2 objective before Year 2 begins, whose
 * "Not started" says so rather than giving another reason.
 */
export function composeText(
  status: Status,
  strandNumber: number,
  themeCode: string,
  random: DemoRandom,
  waitingForYear2 = false,
): DemoText {
  const cast = castFor(strandNumber, random);
  const say = (bank: readonly string[]) => fill(random.pick(bank), cast);
  let narrative: string;
  if (status === 'green') {
    narrative = say(PROGRESS[themeLetter(themeCode, random)]);
  } else if (status === 'amber' || status === 'red') {
    narrative = `${say(CAUSES[status])} ${say(MITIGATIONS[status])}`;
  } else if (status === 'complete') {
    narrative = say(COMPLETIONS);
  } else {
    narrative = waitingForYear2 ? fill(YEAR_TWO_WAITING, cast) : say(NOT_STARTED);
  }
  const risks = status === 'complete' || status === 'not_started' || random.chance(0.5) ? '' : say(RISKS);
  return { narrative, nextSteps: say(NEXT_STEPS[status]), risks };
}
