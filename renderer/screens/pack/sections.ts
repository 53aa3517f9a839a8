// The pack's sections in the order they print, with the words the secretariat knows them by.
import type { PackSection } from '../../../shared/contract';

export const PACK_SECTION_LABELS: Record<PackSection, string> = {
  cover: 'Cover',
  agenda: 'Agenda',
  contents: 'Contents',
  minutes: 'Minutes of the last meeting',
  actions: 'Action log',
  dashboard: 'Summary dashboard',
  exceptions: 'Exceptions',
  strands: 'Strand reports',
  papers: 'Papers',
  appendices: 'Appendices',
};
