// The people who use the plan: secretariat, strand leads, chairs and members. Never deleted, only
// retired, so past authorship still reads correctly.
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { personRoleSchema, type Person, type personInputSchema } from '../../shared/contractSchemas';
import type { AuditLog } from './audit';
import type { Db } from './open';
import { writeTransaction } from './writeTransaction';
import { flagColumn, idRowSchema } from './rowSchemas';

export type { Person };
export type PersonInput = z.infer<typeof personInputSchema>;

const personRowSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: personRoleSchema,
    strand_number: z.number().int().nullable(),
    email: z.string(),
    retired: flagColumn,
  })
  .transform((row): Person => ({
    id: row.id,
    name: row.name,
    role: row.role,
    strandNumber: row.strand_number,
    email: row.email,
    retired: row.retired,
  }));

const SELECT = `SELECT p.id, p.name, p.role, s.number AS strand_number, p.email, p.retired
  FROM people p LEFT JOIN strands s ON s.id = p.strand_id`;

export class PeopleRepository {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  list(): Person[] {
    return z
      .array(personRowSchema)
      .parse(this.db.prepare(`${SELECT} ORDER BY p.retired, p.role, p.name, p.id`).all());
  }

  get(id: number): Person {
    const row = this.db.prepare(`${SELECT} WHERE p.id = ?`).get(id);
    if (!row) throw new BoardPackError('not_found', `There is no person ${id}.`);
    return personRowSchema.parse(row);
  }

  /** Adds a person (no id) or changes one; a strand lead or deputy names the strand. */
  save(input: PersonInput, at: string, actor: string): Person {
    const name = input.name.trim();
    if (!name) throw new BoardPackError('invalid_input', 'A person needs a name.');
    if (STRAND_ROLES[input.role] && input.strandNumber === null) {
      throw new BoardPackError('invalid_input', `Say which strand this ${STRAND_ROLES[input.role]} is for.`);
    }
    return writeTransaction(this.db, () => {
      if (!input.retired) this.refuseSecondLead(input);
      let strandId: number | null = null;
      if (input.strandNumber !== null) {
        const strand = this.db.prepare('SELECT id FROM strands WHERE number = ?').get(input.strandNumber);
        if (!strand)
          throw new BoardPackError('not_found', `There is no strand ${input.strandNumber} in the plan.`);
        strandId = idRowSchema.parse(strand).id;
      }
      const strandValue = STRAND_ROLES[input.role] ? strandId : null;
      const values = [name, input.role, strandValue, input.email.trim(), input.retired ? 1 : 0] as const;
      if (input.id === undefined) {
        const id = Number(
          this.db
            .prepare('INSERT INTO people (name, role, strand_id, email, retired) VALUES (?, ?, ?, ?, ?)')
            .run(...values).lastInsertRowid,
        );
        const created = this.get(id);
        this.audit.record(at, actor, 'person.add', 'person', id, null, created);
        return created;
      }
      const before = this.get(input.id);
      this.db
        // A seeded person once changed is the secretariat's own: the plan is no longer untouched.
        .prepare(
          'UPDATE people SET name = ?, role = ?, strand_id = ?, email = ?, retired = ?, from_plan = 0 WHERE id = ?',
        )
        .run(...values, input.id);
      const after = this.get(input.id);
      this.audit.record(at, actor, 'person.edit', 'person', input.id, before, after);
      return after;
    });
  }

  /** A strand has one lead and one deputy at a time: the one before is marked as left first. */
  private refuseSecondLead(input: PersonInput): void {
    const role = STRAND_ROLES[input.role];
    if (!role || input.strandNumber === null) return;
    const other = this.list().find(
      (p) =>
        !p.retired && p.role === input.role && p.strandNumber === input.strandNumber && p.id !== input.id,
    );
    if (!other) return;
    throw new BoardPackError(
      'conflict',
      `Strand ${input.strandNumber} already has a ${role}, ${other.name}; mark them as left first.`,
    );
  }
}

/** The roles that belong to one strand, in words. */
const STRAND_ROLES: Partial<Record<Person['role'], string>> = {
  strand_lead: 'strand lead',
  deputy_lead: 'deputy strand lead',
};
