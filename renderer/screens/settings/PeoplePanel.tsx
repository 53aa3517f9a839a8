// The roster used everywhere (owners, attendance): secretariat, strand leads and deputies (with
// their strand), objective owners, chairs, members and officers. People are never deleted: one
// who leaves is marked as left, so past records still read correctly.
// A person saved while the shared database cannot be reached stays in the form and is saved when it answers.
import { useState, type FormEvent } from 'react';
import type { Person } from '../../../shared/contract';
import { call } from '../../api';
import { EmptyState, ErrorMessage } from '../../components/EmptyState';
import { useApp } from '../../state/app';
import { messageOf, showError } from '../../state/notices';
import { useResource } from '../../state/resource';
import { TableScroll } from '../../components/TableScroll';
import { useExternalChanges } from '../../state/externalChanges';
import { useSaveWhenReachable } from '../../state/saveWhenReachable';

const ROLE_LABELS: Record<Person['role'], string> = {
  secretariat: 'Secretariat',
  strand_lead: 'Strand lead',
  deputy_lead: 'Deputy strand lead',
  objective_owner: 'Objective owner',
  chair: 'Chair',
  member: 'Board member',
  officer: 'Officer',
};

const forStrand = (role: Person['role']) => role === 'strand_lead' || role === 'deputy_lead';

export function PeoplePanel() {
  const plan = useApp((s) => s.plan);
  const people = useResource('people', () => call('people.list'));
  const [name, setName] = useState('');
  const [role, setRole] = useState<Person['role']>('strand_lead');
  const [strand, setStrand] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Person | null>(null);
  // The form below is not drawn from the list, so the list is read again even while it is typed in.
  useExternalChanges(['person'], people.reload, { editing: () => false });

  function clear() {
    setEditing(null);
    setName('');
    setEmail('');
    setError(null);
  }

  /** Loads a person into the form to change their name, role, strand or email. */
  function edit(p: Person) {
    setEditing(p);
    setName(p.name);
    setRole(p.role);
    setStrand(p.strandNumber === null ? '' : String(p.strandNumber));
    setEmail(p.email);
    setError(null);
    window.setTimeout(() => document.getElementById('person-name')?.focus());
  }

  const server = useSaveWhenReachable(() => save());

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  async function save() {
    try {
      await call('people.save', {
        ...(editing ? { id: editing.id, retired: editing.retired } : {}),
        name,
        role,
        strandNumber: forStrand(role) && strand ? Number(strand) : null,
        email,
      });
      server.saved();
      clear();
      await people.reload();
    } catch (e) {
      setError(server.waitIfUnreachable(e) ?? messageOf(e));
    }
  }

  async function toggleRetired(p: Person) {
    try {
      await call('people.save', { ...p, retired: !p.retired });
      await people.reload();
    } catch (e) {
      showError(e);
    }
  }

  return (
    <div className="card">
      <h2 id="people-title">People</h2>
      <ErrorMessage text={people.error} />
      {people.data && people.data.length === 0 && (
        <EmptyState title="No one recorded yet">
          <p>Add the secretariat and each strand&apos;s lead below, so updates and actions can name them.</p>
        </EmptyState>
      )}
      {people.data && people.data.length > 0 && (
        <TableScroll label="People">
          <table aria-labelledby="people-title">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Strand</th>
                <th scope="col">Email</th>
                <th scope="col">
                  <span className="visually-hidden">Change</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.data.map((p) => (
                <tr key={p.id} className={p.retired ? 'retired' : undefined}>
                  <td>
                    {p.name}
                    {p.retired ? ' (left)' : ''}
                  </td>
                  <td>{ROLE_LABELS[p.role]}</td>
                  <td>{p.strandNumber ?? '—'}</td>
                  <td>{p.email || '—'}</td>
                  <td className="nowrap">
                    <button type="button" className="button-quiet" onClick={() => edit(p)}>
                      Edit<span className="visually-hidden"> {p.name}</span>
                    </button>{' '}
                    <button type="button" className="button-quiet" onClick={() => toggleRetired(p)}>
                      {p.retired ? 'Restore' : 'Mark as left'}
                      <span className="visually-hidden"> {p.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <form onSubmit={submit} aria-label={editing ? `Change ${editing.name}` : 'Add a person'}>
        <h3>{editing ? `Change ${editing.name}` : 'Add a person'}</h3>
        <ErrorMessage text={error} />
        <div className="form-grid">
          <div className="field">
            <label htmlFor="person-name">Name</label>
            <input id="person-name" type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="person-role">Role</label>
            <select id="person-role" value={role} onChange={(e) => setRole(e.target.value as Person['role'])}>
              {Object.entries(ROLE_LABELS).map(([key, label]) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          {forStrand(role) && (
            <div className="field">
              <label htmlFor="person-strand">Strand</label>
              <select id="person-strand" value={strand} onChange={(e) => setStrand(e.target.value)}>
                <option value="">Choose a strand</option>
                {plan?.strands.map((s) => (
                  <option key={s.number} value={s.number}>
                    {s.number}. {s.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor="person-email">Email (optional)</label>
            <input id="person-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            {editing ? 'Save changes' : 'Add person'}
          </button>
          {editing && (
            <button type="button" className="button-quiet" onClick={clear}>
              Cancel
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
