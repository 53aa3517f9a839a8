// Composes a demo update's narrative, next steps and risks from the phrase banks, in the voice
// of the objective's strand. Red and Amber always say why and what is being done.
import type { Status } from '../../shared/domain';
import type { DemoRandom } from './random';
import {
  BOROUGHS, CAUSES, COMPLETIONS, FALLBACK_VOICE, MITIGATIONS, NEXT_STEPS, NOT_STARTED, PROGRESS, RISKS, STRAND_VOICES,
} from './phrases';

export interface DemoText {
  narrative: string;
  nextSteps: string;
  risks: string;
}

function fill(template: string, strandNumber: number, random: DemoRandom): string {
  const voice = STRAND_VOICES[strandNumber] ?? FALLBACK_VOICE;
  const borough = random.pick(BOROUGHS);
  const others = BOROUGHS.filter((b) => b !== borough);
  const values: Record<string, string> = {
    unit: random.pick(voice.unit),
    forum: random.pick(voice.forum),
    partner: random.pick(voice.partner),
    work: random.pick(voice.work),
    borough,
    borough2: random.pick(others),
    count: String(random.int(3, 28)),
  };
  const text = template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? key);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The RIPE letter an objective's narrative speaks to: one of the letters of its theme code. */
function themeLetter(themeCode: string, random: DemoRandom): string {
  const letters = themeCode.split('').filter((l) => l in PROGRESS);
  return letters.length ? random.pick(letters) : 'P';
}

export function composeText(status: Status, strandNumber: number, themeCode: string, random: DemoRandom): DemoText {
  const say = (bank: readonly string[]) => fill(random.pick(bank), strandNumber, random);
  let narrative: string;
  if (status === 'green') {
    narrative = say(PROGRESS[themeLetter(themeCode, random)]);
  } else if (status === 'amber' || status === 'red') {
    narrative = `${say(CAUSES[status])} ${say(MITIGATIONS[status])}`;
  } else if (status === 'complete') {
    narrative = say(COMPLETIONS);
  } else {
    narrative = say(NOT_STARTED);
  }
  const risks = status === 'complete' || status === 'not_started' || random.chance(0.5) ? '' : say(RISKS);
  return { narrative, nextSteps: say(NEXT_STEPS[status]), risks };
}
