// Settings: the board, the plan period, who is working, the database and its backups, and people.
// A save the shared database could not take waits for it with the fields as typed.
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/contract';
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage, Loading } from '../../components/EmptyState';
import { useApp } from '../../state/app';
import { messageOf, showError, useNotices } from '../../state/notices';
import { useSaveWhenReachable } from '../../state/saveWhenReachable';
import { PeoplePanel } from './PeoplePanel';
import { DemoPanel } from './DemoPanel';
import { InputField } from '../../components/InputField';
import { useScreenTitle } from '../../state/title';
import { FileDatabaseFields, SharedDatabaseFacts } from './DatabaseSection';

export function SettingsScreen() {
  useScreenTitle('Settings');
  const settings = useApp((s) => s.settings);
  return (
    <section aria-labelledby="settings-title">
      <div className="screen-head">
        <div>
          <h1 id="settings-title">Settings</h1>
          <p className="lede">
            The board&apos;s name and marking, the plan period, backups and the people who take part.
          </p>
        </div>
      </div>
      {!settings && <Loading what="settings" />}
      {settings && <SettingsForm key={JSON.stringify(settings)} settings={settings} />}
      <PeoplePanel />
      <DemoPanel />
    </section>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const months = useApp((s) => s.months);
  const [f, setF] = useState(settings);
  const [error, setError] = useState<string | null>(null);
  const show = useNotices((s) => s.show);
  const set = (c: Partial<Settings>) => setF({ ...f, ...c });
  const shared = settings.sharedDatabase;

  const server = useSaveWhenReachable(() => save());

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  async function save() {
    try {
      const saved = await call('settings.update', {
        boardName: f.boardName,
        protectiveMarking: f.protectiveMarking,
        startMonth: f.startMonth,
        userName: f.userName,
        // A shared database has no backups here to set (pg_dump's job, where the server is).
        ...(shared ? {} : { backupFolder: f.backupFolder, backupSchedule: f.backupSchedule }),
      });
      server.saved();
      useApp.getState().setSettings(saved);
      await useApp.getState().load();
      setError(null);
      show('success', 'Settings saved.');
    } catch (e) {
      setError(server.waitIfUnreachable(e) ?? messageOf(e));
    }
  }

  async function backupNow() {
    try {
      const result = await call('app.backupNow');
      show('success', `Backup written to ${result.path}.`);
    } catch (e) {
      showError(e);
    }
  }

  return (
    <form className="card settings-form" onSubmit={submit} aria-labelledby="settings-board">
      <h2 id="settings-board">Board and plan</h2>
      <ErrorMessage text={error} />
      <div className="form-grid">
        <InputField
          id="set-board"
          label="Board name"
          value={f.boardName}
          onChange={(v) => set({ boardName: v })}
        />
        <InputField
          id="set-marking"
          label="Protective marking"
          value={f.protectiveMarking}
          onChange={(v) => set({ protectiveMarking: v })}
        />
        <div className="field">
          <label htmlFor="set-start">Plan start month (Year 1 begins)</label>
          <input
            id="set-start"
            type="month"
            value={f.startMonth}
            onChange={(e) => set({ startMonth: e.target.value })}
          />
          <span className="hint">
            Now {monthLabel(settings.startMonth)}; the plan ends {monthLabel(settings.endMonth)}.
          </span>
        </div>
        <InputField
          id="set-user"
          label="Your name (recorded as author)"
          value={f.userName}
          onChange={(v) => set({ userName: v })}
        />
      </div>
      <h2>Database and backups</h2>
      {shared ? (
        <SharedDatabaseFacts server={shared} />
      ) : (
        <FileDatabaseFields databasePath={settings.databasePath} form={f} set={set} />
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary">
          Save settings
        </button>
        {!shared && (
          <button type="button" className="button" onClick={backupNow}>
            Back up now
          </button>
        )}
      </div>
      {months && <p className="small muted">{months.months.length} reporting months in the plan period.</p>}
    </form>
  );
}
