// The tracker's edit form for one action: what is to be done, the owner (asking before a name
// not on the roster) and the due date (asking before one earlier than the raising meeting).
import { useState, type FormEvent } from 'react';
import { dateLabel } from '../../../shared/months';
import { InputField } from '../../components/InputField';
import { addToRoster, NewPersonPrompt, onRoster, PersonField, useRoster } from '../../components/PersonField';

export interface ActionEditFields {
  description: string;
  owner: string;
  due: string;
}

interface Props {
  actionRef: string;
  /** The prefix of the fields' ids. */
  id: string;
  fields: ActionEditFields;
  onChange(change: Partial<ActionEditFields>): void;
  /** The store's question about an early due date, until answered. */
  confirmDue: string | null;
  onSave(confirmEarlyDue: boolean): Promise<void>;
  onChangeDate(): void;
}

export function ActionEditForm({ actionRef, id, fields, onChange, confirmDue, onSave, onChangeDate }: Props) {
  const roster = useRoster();
  const [askAbout, setAskAbout] = useState<string | null>(null);

  function submitEdit(event: FormEvent) {
    event.preventDefault();
    if (!onRoster(roster.data, fields.owner)) setAskAbout(fields.owner.trim());
    else void onSave(false);
  }

  return (
    <form onSubmit={submitEdit} aria-label={`Edit action ${actionRef}`}>
      <InputField
        id={`${id}-description`}
        label="What is to be done"
        value={fields.description}
        onChange={(description) => onChange({ description })}
      />
      <PersonField
        id={`${id}-owner`}
        label="Owner"
        value={fields.owner}
        people={roster.data}
        onChange={(owner) => onChange({ owner })}
      />
      <InputField
        id={`${id}-due`}
        label="Due date"
        type="date"
        value={fields.due}
        onChange={(due) => onChange({ due })}
      />
      {askAbout && (
        <div className="roster-question">
          <NewPersonPrompt
            name={askAbout}
            onAdd={async () => {
              setAskAbout(null);
              await addToRoster(askAbout);
              await roster.reload();
              await onSave(false);
            }}
            onSkip={() => {
              setAskAbout(null);
              void onSave(false);
            }}
            onCancel={() => {
              setAskAbout(null);
              document.getElementById(`${id}-owner`)?.focus();
            }}
          />
        </div>
      )}
      {confirmDue && (
        <div className="roster-question" role="alertdialog" aria-labelledby={`${id}-due-question`}>
          <p id={`${id}-due-question`}>{confirmDue}</p>
          <div className="button-row">
            <button type="button" className="button button-primary" autoFocus onClick={() => onSave(true)}>
              Keep {fields.due ? dateLabel(fields.due) : 'this date'}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                onChangeDate();
                document.getElementById(`${id}-due`)?.focus();
              }}
            >
              Change the date
            </button>
          </div>
        </div>
      )}
      <button type="submit" className="button">
        Save changes<span className="visually-hidden"> to {actionRef}</span>
      </button>
    </form>
  );
}
