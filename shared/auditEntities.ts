// The kinds of record the audit log holds changes to, with the words the Audit log screen offers
// them by. One list for the store (record() takes only these names, so a new kind cannot be
// written without a label) and the screen's "What changed" filter, in the order it offers them.

export const AUDIT_ENTITIES = [
  { entity: 'update', label: 'Monthly updates' },
  { entity: 'objective', label: 'Objectives' },
  { entity: 'indicator', label: 'Indicators and their figures' },
  { entity: 'plan', label: 'The plan' },
  { entity: 'meeting', label: 'Meetings, agendas and minutes' },
  { entity: 'board_action', label: 'Board actions' },
  { entity: 'paper', label: 'Papers' },
  { entity: 'issued_pack', label: 'Issued packs' },
  { entity: 'exchange_request', label: 'Exchange requests' },
  { entity: 'exchange_return', label: 'Exchange returns' },
  { entity: 'trusted_key', label: 'Trusted keys' },
  { entity: 'installation_key', label: 'This copy’s signing key' },
  { entity: 'person', label: 'People' },
  { entity: 'setting', label: 'Settings' },
  { entity: 'demo', label: 'Demo data' },
  { entity: 'database', label: 'Database restores and copies' },
] as const;

export type AuditEntity = (typeof AUDIT_ENTITIES)[number]['entity'];
