// Adding an objective, or rewording one. The reference is given by the plan and never changes. A
// save the shared database could not take waits for it with the fields as typed.
import { useState, type FormEvent } from 'react';
import type { ObjectiveWithStatus, PlanDetail } from '../../../shared/contract';
import type { PlanYear } from '../../../shared/domain';
import { monthLabel } from '../../../shared/months';
import { call } from '../../api';
import { ErrorMessage } from '../../components/EmptyState';
import { useApp } from '../../state/app';
import { messageOf, useNotices } from '../../state/notices';
import { useSaveWhenReachable } from '../../state/saveWhenReachable';

interface Props {
  plan: PlanDetail;
  objective?: ObjectiveWithStatus;
  onDone(): Promise<void>;
  onCancel(): void;
}

export function ObjectiveForm({ plan, objective, onDone, onCancel }: Props) {
  const [strand, setStrand] = useState(String(objective?.strandNumber ?? plan.strands[0]?.number ?? 1));
  const [theme, setTheme] = useState(objective?.themeCode ?? plan.themes[0]?.code ?? 'E');
  const [text, setText] = useState(objective?.text ?? '');
  const [year, setYear] = useState<string>(objective?.year ?? '');
  const [target, setTarget] = useState(objective?.targetText ?? '');
  const months = useApp((s) => s.months);
  // A new objective reports from the month being reported on, so it is never No update in a month gone by.
  const [startMonth, setStartMonth] = useState(months?.nextMeetingMonth ?? months?.current ?? '');
  const [error, setError] = useState<string | null>(null);
  const show = useNotices((s) => s.show);
  const idPrefix = objective ? `reword-${objective.ref}` : 'add';

  const server = useSaveWhenReachable(() => save());

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  async function save() {
    if (!text.trim()) {
      server.saved();
      setError('Write the objective as the plan should say it.');
      return;
    }
    try {
      const y = (year || null) as PlanYear | null;
      if (objective) {
        await call('plan.rewordObjective', { ref: objective.ref, text, year: y, targetText: target || null });
        show('success', `${objective.ref} reworded.`);
      } else {
        const themeName = plan.themes.find((t) => t.code === theme)?.theme ?? theme;
        const created = await call('plan.addObjective', {
          strandNumber: Number(strand),
          theme: themeName,
          themeCode: theme,
          text,
          year: y,
          targetText: target || null,
          ...(startMonth ? { startMonth } : {}),
        });
        show(
          'success',
          `${created.ref} added to strand ${created.strandNumber}, reporting from ${monthLabel(created.startMonth)}.`,
        );
      }
      server.saved();
      setError(null);
      await onDone();
    } catch (e) {
      setError(server.waitIfUnreachable(e) ?? messageOf(e));
    }
  }

  return (
    <form className="card inline-form" onSubmit={onSubmit} aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`}>{objective ? `Reword ${objective.ref}` : 'Add an objective'}</h3>
      <ErrorMessage text={error} />
      {!objective && (
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${idPrefix}-strand`}>Strand</label>
            <select id={`${idPrefix}-strand`} value={strand} onChange={(e) => setStrand(e.target.value)}>
              {plan.strands.map((s) => (
                <option key={s.number} value={s.number}>
                  {s.number}. {s.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-start`}>First month it reports</label>
            <select
              id={`${idPrefix}-start`}
              value={startMonth}
              aria-describedby={`${idPrefix}-start-hint`}
              onChange={(e) => setStartMonth(e.target.value)}
            >
              {months?.months.map((m) => (
                <option key={m.month} value={m.month}>
                  {monthLabel(m.month)}
                </option>
              ))}
            </select>
            <span className="hint" id={`${idPrefix}-start-hint`}>
              It is not counted, or shown as No update, in earlier months.
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-theme`}>Theme</label>
            <select id={`${idPrefix}-theme`} value={theme} onChange={(e) => setTheme(e.target.value)}>
              {plan.themes.map((t) => (
                <option key={t.code} value={t.code}>
                  {t.theme}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${idPrefix}-text`}>Objective</label>
        <textarea id={`${idPrefix}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${idPrefix}-year`}>Year</label>
          <select id={`${idPrefix}-year`} value={year} onChange={(e) => setYear(e.target.value)}>
            <option value="">Not stated</option>
            <option>Year 1</option>
            <option>Year 2</option>
            <option>Year 1 &amp; 2</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-target`}>Target (as written)</label>
          <input
            id={`${idPrefix}-target`}
            type="text"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {objective ? 'Save wording' : 'Add objective'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
