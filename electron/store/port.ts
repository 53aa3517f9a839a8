// The data port: every read and write the engine makes of its database, listed in one place. The
// handlers, the pack, the exchange, the plan import and the command line see only these
// interfaces: async signatures (even over synchronous SQLite) and an explicit transaction handle,
// so a second backend (a shared PostgreSQL server) can sit behind the same calls without touching
// its callers. No database handle leaves electron/store/.
import type {
  BoardActionShownStatus,
  BoardActionStatus,
  Objective,
  PlanSummary,
  Strand,
  Update,
} from '../../shared/domain';
import type { ReportingMonth } from '../../shared/months';
import type { PlanFile } from '../../shared/planFile';
import type { AuditEntity } from '../../shared/auditEntities';
import type { ImportedReturn } from '../../shared/contractOffline';
import type { ProtectedFiles } from '../files/writeAtomically';
import type { AuditEntry, AuditFilter } from './audit';
import type { ActionEdit } from './boardActions';
import type { MinutesApproval } from '../../shared/contractSchemas';
import type { AutoBackupResult, AutoBackupSettings, BackupResult } from './backups';
import type { DemoMeetingIssued, DemoRemoval } from './demo';
import type {
  AgendaItem,
  AgendaItemInput,
  BoardAction,
  BoardActionInput,
  BoardActionView,
  Meeting,
  MeetingInput,
  Minute,
} from './meetings';
import type {
  AuditRecordSince,
  Baseline,
  FigureBaseline,
  ExchangeRequest,
  OpenedRequestRecord,
  SavedUpdate,
  SeenFile,
  UpdateStamp,
} from './exchange';
import type { DefinitionChange, Figure, FigureValue, IndicatorView } from '../../shared/contractIndicators';
import type { PlanIndicator } from '../../shared/planFile';
import type { FigureInput, IndicatorFields, IndicatorFilter, NewIndicator } from './indicators';
import type { InstallationKeyPair, TrustedKey } from './keys';
import type { IssuedPackRecord, NewIssuedPack } from './packs';
import type { NewPaper, PaperRecord } from './papers';
import type { Person, PersonInput } from './people';
import type { NewObjective, PlanDetail, PlanImportEntry } from './plan';
import type { FirstRevision, MonthSummary, UpdateInput, WorkflowAction } from './updates';
import type { SearchGroup } from '../../shared/contractSearch';
import type { SharedServer } from '../../shared/contractSharedDatabase';

/** The strategy, its strands and objectives. */
export interface PlanPort {
  hasPlan(): Promise<boolean>;
  seed(plan: PlanFile, at: string, actor: string): Promise<void>;
  /** True while nothing but the seeded plan is in the database (no update, meeting or edit). */
  isUntouched(): Promise<boolean>;
  clearUntouched(at: string, actor: string): Promise<void>;
  summary(): Promise<PlanSummary>;
  detail(): Promise<PlanDetail>;
  /** Refuses, in words, a month outside the plan's years. */
  assertMonthInPlan(month: ReportingMonth): Promise<void>;
  strands(): Promise<Strand[]>;
  strand(number: number): Promise<Strand>;
  objectives(options?: {
    strandNumber?: number;
    month?: ReportingMonth;
    includeRetired?: boolean;
  }): Promise<Objective[]>;
  objective(ref: string): Promise<Objective>;
  addObjective(input: NewObjective, at: string, actor: string): Promise<Objective>;
  rewordObjective(
    ref: string,
    changes: Partial<
      Pick<NewObjective, 'text' | 'year' | 'targetText' | 'targetValue' | 'targetUnit' | 'owner'>
    >,
    at: string,
    actor: string,
  ): Promise<Objective>;
  retireObjective(ref: string, fromMonth: ReportingMonth, at: string, actor: string): Promise<Objective>;
  unretireObjective(ref: string, at: string, actor: string): Promise<Objective>;
  deleteObjective(ref: string, at: string, actor: string): Promise<void>;
  updateSettings(
    changes: Partial<Pick<PlanSummary, 'boardName' | 'protectiveMarking' | 'startMonth' | 'endMonth'>>,
    at: string,
    actor: string,
  ): Promise<PlanSummary>;
  /** Records a spreadsheet import of the plan (what, from where, by whom). */
  recordImport(entry: PlanImportEntry): Promise<void>;
}

/** Monthly progress updates, one current revision per objective and month. */
export interface UpdatesPort {
  current(ref: string, month: ReportingMonth): Promise<Update | undefined>;
  save(input: UpdateInput, at: string): Promise<Update>;
  transition(
    ref: string,
    month: ReportingMonth,
    action: WorkflowAction,
    actor: string,
    at: string,
    comment?: string,
    /** The version the person saw; refused (edit_conflict) when the update has moved on. */
    baseVersion?: number,
  ): Promise<Update>;
  /** Many objectives' first revision for a month at once, each saved (and reviewed) as save and transition would. */
  writeFirstRevisions(month: ReportingMonth, entries: readonly FirstRevision[]): Promise<void>;
  history(ref: string, month?: ReportingMonth): Promise<Update[]>;
  /** Each objective's reported (accepted or submitted) update for the month, by reference. */
  reported(month: ReportingMonth, strandNumber?: number): Promise<Map<string, Update>>;
  /** Each objective's current revision of any state for the month, by reference. */
  working(month: ReportingMonth, strandNumber?: number): Promise<Map<string, Update>>;
  monthSummary(month: ReportingMonth): Promise<MonthSummary>;
  latestReportedMonth(): Promise<ReportingMonth | null>;
  reportedCountsByMonth(): Promise<{ month: ReportingMonth; count: number }[]>;
  reportedMonths(): Promise<ReportingMonth[]>;
}

/** Board meetings, their agendas, minutes and decisions, and the action log. */
export interface MeetingsPort {
  list(): Promise<Meeting[]>;
  get(id: number): Promise<Meeting>;
  previous(id: number): Promise<Meeting | null>;
  forMonth(month: ReportingMonth): Promise<Meeting | null>;
  create(input: MeetingInput, at: string, actor: string, standingAgenda?: string[]): Promise<Meeting>;
  updateDetails(id: number, input: MeetingInput, at: string, actor: string): Promise<Meeting>;
  agenda(meetingId: number): Promise<AgendaItem[]>;
  /** With a base version, refused (edit_conflict) when another desk saved the agenda since. */
  setAgenda(
    meetingId: number,
    items: (AgendaItemInput & { id?: number })[],
    at: string,
    actor: string,
    baseVersion?: number,
  ): Promise<AgendaItem[]>;
  minutes(meetingId: number): Promise<Minute[]>;
  addMinute(
    meetingId: number,
    agendaItemId: number | null,
    kind: 'minute' | 'decision',
    text: string,
    at: string,
    actor: string,
  ): Promise<Minute>;
  editMinute(minuteId: number, text: string, at: string, actor: string): Promise<Minute>;
  /** Minutes are changed, removed or added until approved; then refused in words. */
  removeMinute(minuteId: number, at: string, actor: string): Promise<Minute>;
  approval(meetingId: number): Promise<MinutesApproval | null>;
  approveMinutes(
    input: { meetingId: number; approvedBy: string; approvedOn?: string; corrections: string },
    at: string,
    actor: string,
  ): Promise<MinutesApproval>;
  /** Who attended and how: a person is in one state, never two. */
  setAttendance(
    meetingId: number,
    lists: Pick<MeetingInput, 'members' | 'attendees' | 'apologies' | 'absent' | 'represented' | 'visitors'>,
    at: string,
    actor: string,
  ): Promise<Meeting>;
  actions(
    today: string,
    filter?: { status?: BoardActionShownStatus; owner?: string; meetingId?: number },
  ): Promise<BoardActionView[]>;
  action(ref: string): Promise<BoardAction>;
  addAction(input: BoardActionInput, at: string, actor: string): Promise<BoardAction>;
  // Each change below takes the version it started from (baseVersion), and is refused
  // (edit_conflict, nothing written) when the action has moved on; left out, nothing is checked.
  updateAction(
    ref: string,
    change: { note?: string; status?: BoardActionStatus; on: string; baseVersion?: number },
    at: string,
    actor: string,
  ): Promise<BoardAction>;
  /** A due date moved before the raising meeting is refused unless confirmed; a new owner is noted. */
  editAction(ref: string, edit: ActionEdit, at: string, actor: string): Promise<BoardAction>;
  addNote(ref: string, text: string, at: string, actor: string, baseVersion?: number): Promise<BoardAction>;
  completeAction(
    ref: string,
    note: string,
    on: string,
    at: string,
    actor: string,
    baseVersion?: number,
  ): Promise<BoardAction>;
  reopenAction(
    ref: string,
    note: string,
    at: string,
    actor: string,
    baseVersion?: number,
  ): Promise<BoardAction>;
  removeAction(
    ref: string,
    reason: string,
    on: string,
    at: string,
    actor: string,
    baseVersion?: number,
  ): Promise<BoardAction>;
}

/** Papers (PDFs) attached to agenda items. */
export interface PapersPort {
  list(meetingId: number): Promise<PaperRecord[]>;
  get(paperId: number): Promise<PaperRecord>;
  add(input: NewPaper, at: string, actor: string): Promise<PaperRecord>;
  remove(paperId: number, at: string, actor: string): Promise<void>;
  rename(paperId: number, title: string, at: string, actor: string): Promise<PaperRecord>;
  pdf(paperId: number): Promise<Buffer>;
}

/** Issued packs: frozen bytes and what they held; insert only. */
export interface PacksPort {
  list(meetingId?: number): Promise<IssuedPackRecord[]>;
  get(id: number): Promise<IssuedPackRecord>;
  latest(meetingId: number): Promise<IssuedPackRecord | null>;
  pdf(id: number): Promise<Buffer>;
  bySha256(sha256: string): Promise<IssuedPackRecord | null>;
  /** Refuses, in words (edit_conflict), a version another desk issued first. */
  assertNextVersion(meetingId: number, version: number, at: string): Promise<void>;
  insert(pack: NewIssuedPack): Promise<IssuedPackRecord>;
}

/** The roster of people who use the plan. */
export interface PeoplePort {
  list(): Promise<Person[]>;
  get(id: number): Promise<Person>;
  save(input: PersonInput, at: string, actor: string): Promise<Person>;
}

/** Named settings of this installation's database (user name, backup folder, demo marker …). */
export interface SettingsPort {
  get(key: string): Promise<string | null>;
  /** Sets one or more keys in one transaction, with one audit row naming the group. */
  set(values: Record<string, string>, actor: string, auditId?: string): Promise<void>;
  /** Removes a key; actor null when the caller records the removal in its own audit row. */
  remove(key: string, actor: string | null): Promise<void>;
  /** The schema version the database is at. */
  schemaVersion(): Promise<number>;
}

/** The append-only audit log. */
export interface AuditPort {
  record(
    at: string,
    actor: string,
    action: string,
    entity: AuditEntity,
    entityId: string | number,
    before: unknown,
    after: unknown,
  ): Promise<void>;
  list(filter?: AuditFilter): Promise<AuditEntry[]>;
  /** What other desks changed after entry `since`: the last entry's id and the kinds of record changed. */
  changesSince(since: number): Promise<{ last: number; entities: string[] }>;
  count(): Promise<number>;
}

/** Copies of the database: on demand and daily. A server database refuses these, in words. */
export interface BackupsPort {
  backup(destination: string): Promise<BackupResult>;
  settings(): Promise<AutoBackupSettings>;
  /** The backups folder the settings name, made if missing; refused in words when it cannot be. */
  folder(): Promise<string>;
  configure(changes: Partial<AutoBackupSettings>, actor: string): Promise<AutoBackupSettings>;
  autoBackup(): Promise<AutoBackupResult>;
  /** What a command writing a file for a person must never write to. */
  protectedFiles(): Promise<ProtectedFiles>;
}

/** The demo rows (marked demo = 1): counted, checked before a load or removal, removed in one go. */
export interface DemoPort {
  /** Demo updates, meetings and board actions in the database, together. */
  rowCount(): Promise<number>;
  /** Updates that are not demo data in the months from first to last, both included. */
  realUpdateCount(firstMonth: ReportingMonth, lastMonth: ReportingMonth): Promise<number>;
  /** The demo meetings that have an issued pack, earliest first. */
  meetingsWithIssuedPacks(): Promise<DemoMeetingIssued[]>;
  /** Board actions that are not demo data but were raised at a demo meeting. */
  realActionsAtDemoMeetings(): Promise<number>;
  /** Deletes every demo row, with the notes, minutes and agenda items that belong to them. */
  removeRows(): Promise<DemoRemoval>;
}

/**
 * What the exchange of request and return files keeps: requests issued here, returns taken in,
 * requests opened at a strand lead's copy, and every file taken in (so none is taken twice).
 */
export interface ExchangePort {
  /** A request issued here, by its file id; null when none was. */
  request(fileId: string): Promise<ExchangeRequest | null>;
  /** Requests issued here, newest first, optionally for one month. */
  requests(month?: string): Promise<ExchangeRequest[]>;
  recordRequest(request: ExchangeRequest): Promise<void>;
  /** The new starting point of a request's conflicts, once a return answering it is taken in. */
  setBaseline(fileId: string, baseline: Baseline, figures: FigureBaseline | null): Promise<void>;
  /** Returns taken in here, oldest first. */
  importedReturns(): Promise<ImportedReturn[]>;
  recordReturn(imported: ImportedReturn): Promise<void>;
  /** Requests opened at this (strand lead's) copy, newest first. */
  openedRequests(): Promise<OpenedRequestRecord[]>;
  recordOpened(opened: OpenedRequestRecord): Promise<void>;
  /** An exchange file already taken in, by its file id; null when it is new here. */
  seenFile(fileId: string): Promise<SeenFile | null>;
  recordSeen(file: SeenFile): Promise<void>;
  /** The stamp of an objective's current update for a month; null when it has none. */
  currentStamp(ref: string, month: string): Promise<UpdateStamp | null>;
  /** Every objective's current update for a month, of any state, with when it was saved. */
  savedUpdates(month: string): Promise<SavedUpdate[]>;
  /** Audit records of an action made since the last request to a strand was issued, in order. */
  auditSinceLastRequest(strandNumber: number, action: string): Promise<AuditRecordSince[]>;
}

/** This installation's signing key pair and the keys it accepts exchange files from. */
export interface KeysPort {
  /** The key pair, private key included (to sign and to unseal); null until one is made. */
  installationKey(): Promise<InstallationKeyPair | null>;
  /** Records the installation's key pair; there is only ever one. */
  createInstallationKey(pair: InstallationKeyPair): Promise<void>;
  /** Every trusted key, by role, strand, name and fingerprint. */
  trusted(): Promise<TrustedKey[]>;
  /** The trust record for a lead's key on a strand, or for the secretariat's key (strand null). */
  findTrust(fingerprint: string, strandNumber: number | null): Promise<TrustedKey | null>;
  /** Records the public key beside a fingerprint trusted before any file signed with it was seen. */
  setPublicKey(fingerprint: string, publicKey: string): Promise<void>;
  /** Trusts a key and answers the record as stored. */
  addTrust(key: TrustedKey): Promise<TrustedKey>;
}

/** Performance indicators, their definition changes and their monthly figures with revisions. */
export interface IndicatorsPort {
  count(): Promise<number>;
  /** In the plan's order; live ones only unless includeRetired (or live in `month` when given). */
  list(filter?: IndicatorFilter): Promise<IndicatorView[]>;
  get(ref: string): Promise<IndicatorView>;
  /** A plan file's indicators into a database that has none, with one audit record. */
  seed(indicators: readonly PlanIndicator[], at: string, actor: string, action?: string): Promise<number>;
  add(input: NewIndicator, at: string, actor: string): Promise<IndicatorView>;
  edit(ref: string, changes: Partial<IndicatorFields>, at: string, actor: string): Promise<IndicatorView>;
  /** Retires from a month; null brings a retired indicator back. */
  retire(ref: string, fromMonth: ReportingMonth | null, at: string, actor: string): Promise<IndicatorView>;
  addBreak(
    ref: string,
    month: ReportingMonth,
    note: string,
    at: string,
    actor: string,
    demo?: boolean,
  ): Promise<DefinitionChange>;
  definitionChanges(ref?: string): Promise<(DefinitionChange & { ref: string })[]>;
  setFigure(input: FigureInput, at: string): Promise<Figure>;
  /** The demo's figures for months without one, many at once; answers how many were written. */
  addDemoFigures(inputs: readonly Omit<FigureInput, 'source'>[], at: string): Promise<number>;
  currentFigures(options?: {
    refs?: readonly string[];
    from?: ReportingMonth;
    to?: ReportingMonth;
  }): Promise<Figure[]>;
  /** What was counted per month, of the current figures (some indicators', up to a month): for the analysis. */
  figureValues(options?: { refs?: readonly string[]; to?: ReportingMonth }): Promise<FigureValue[]>;
  revisions(ref: string, month?: ReportingMonth): Promise<Figure[]>;
  /** Removes demo figures, definition changes and indicators, in the caller's transaction. */
  removeDemo(): Promise<{ figures: number; definitionChanges: number; indicators: number }>;
}

/** One search across the record, over the full-text index the migrations keep by triggers. */
export interface SearchPort {
  /** The best perKind matches of each kind, ranked; none for words with no letter or digit. */
  search(words: string, perKind: number): Promise<SearchGroup[]>;
}

/**
 * Everything one transaction, or the store itself outside any transaction, can read and write.
 * transaction() inside a transaction is a savepoint of it: the inner work is undone alone when it
 * throws, and the whole is saved only when the outermost transaction ends.
 */
export interface StoreTx {
  readonly plan: PlanPort;
  readonly updates: UpdatesPort;
  readonly meetings: MeetingsPort;
  readonly papers: PapersPort;
  readonly packs: PacksPort;
  readonly people: PeoplePort;
  readonly settings: SettingsPort;
  readonly audit: AuditPort;
  readonly backups: BackupsPort;
  readonly exchange: ExchangePort;
  readonly keys: KeysPort;
  readonly demo: DemoPort;
  readonly indicators: IndicatorsPort;
  readonly search: SearchPort;
  /** Runs work as one write transaction: all of it is saved, or none of it. */
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** Now as an ISO timestamp, from the injected clock. */
  now(): string;
  /** Today as YYYY-MM-DD (UTC), for overdue actions. */
  today(): string;
}

/** An open database: one connection, used by one task at a time through its transactions. */
export interface Store extends StoreTx {
  /** Where the database is: a file path, or a shared server's address (without its password). */
  readonly path: string;
  /** True for a shared database on a PostgreSQL server, false for a file on this computer. */
  readonly shared: boolean;
  /** Where a shared database is, who this desk connects as and how the connection is protected; null for a file. */
  readonly server: SharedServer | null;
  /** The database's own integrity and foreign-key checks; an empty list means it is sound. */
  check(): Promise<string[]>;
  close(): Promise<void>;
}
