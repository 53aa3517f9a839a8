// indicators.*: performance indicators, their monthly figures and the XmR analysis of them.
import { BoardPackError } from '../../shared/errors';
import type { Group } from './table';

function notYet(): never {
  throw new BoardPackError('invalid_input', 'Indicators are not ready yet.');
}

export const indicatorsHandlers: Group<'indicators'> = {
  'indicators.list': () => notYet(),
  'indicators.get': () => notYet(),
  'indicators.add': () => notYet(),
  'indicators.edit': () => notYet(),
  'indicators.retire': () => notYet(),
  'indicators.break': () => notYet(),
  'indicators.setFigure': () => notYet(),
  'indicators.grid': () => notYet(),
  'indicators.previewImport': () => notYet(),
  'indicators.import': () => notYet(),
  'indicators.export': () => notYet(),
};
