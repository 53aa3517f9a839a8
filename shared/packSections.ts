// The board pack's sections, in the order they print, with the words the secretariat and the
// pack's own contents page know them by. One list for the store, the contract, the pack and the
// screens.

export const PACK_SECTIONS = [
  'cover',
  'agenda',
  'contents',
  'minutes',
  'actions',
  'dashboard',
  'exceptions',
  'performance',
  'strands',
  'papers',
  'appendices',
] as const;

export type PackSection = (typeof PACK_SECTIONS)[number];

export const PACK_SECTION_TITLES: Record<PackSection, string> = {
  cover: 'Cover',
  agenda: 'Agenda',
  contents: 'Contents',
  minutes: 'Minutes of the last meeting',
  actions: 'Action log',
  dashboard: 'Summary dashboard',
  exceptions: 'Exceptions',
  performance: 'Performance',
  strands: 'Strand reports',
  papers: 'Papers',
  appendices: 'Appendices',
};
