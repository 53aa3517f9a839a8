// The people who use the plan: secretariat, strand leads, chairs and members. Never deleted, only
// retired, so past authorship still reads correctly.
import { z } from 'zod';
import { BoardPackError } from '../../shared/errors';
import { personRoleSchema, type Person, type personInputSchema } from '../../shared/contractSchemas';
import type { AuditLog } from './audit';
import type { Sql } from './sql';
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
    private readonly sql: Sql,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<Person[]> {
    return z
      .array(personRowSchema)
      .parse(await this.sql.all(`${SELECT} ORDER BY p.retired, p.role, p.name, p.id`));
  }

  async get(id: number): Promise<Person> {
    const row = await this.sql.get(`${SELECT} WHERE p.id = ?`, id);
    if (!row) throw new BoardPackError('not_found', `There is no person ${id}.`);
    return personRowSchema.parse(row);
  }

  /** Adds a person (no id) or changes one; a strand lead or deputy names the strand. */
  async save(input: PersonInput, at: string, actor: string): Promise<Person> {
    const name = input.name.trim();
    if (!name) throw new BoardPackError('invalid_input', 'A person needs a name.');
    if (STRAND_ROLES[input.role] && input.strandNumber === null) {
      throw new BoardPackError('invalid_input', `Say which strand this ${STRAND_ROLES[input.role]} is for.`);
    }
    return await this.sql.transaction(async () => {
      if (!input.retired) await this.refuseSecondLead(input);
      let strandId: number | null = null;
      if (input.strandNumber !== null) {
        const strand = await this.sql.get('SELECT id FROM strands WHERE number = ?', input.strandNumber);
        if (!strand)
          throw new BoardPackError('not_found', `There is no strand ${input.strandNumber} in the plan.`);
        strandId = idRowSchema.parse(strand).id;
      }
      const strandValue = STRAND_ROLES[input.role] ? strandId : null;
      const values = [name, input.role, strandValue, input.email.trim(), input.retired ? 1 : 0] as const;
      if (input.id === undefined) {
        const id = await this.sql.insert(
          'INSERT INTO people (name, role, strand_id, email, retired) VALUES (?, ?, ?, ?, ?)',
          ...values,
        );
        const created = await this.get(id);
        await this.audit.record(at, actor, 'person.add', 'person', id, null, created);
        return created;
      }
      const before = await this.get(input.id);
      // A seeded person once changed is the secretariat's own: the plan is no longer untouched.
      await this.sql.run(
        'UPDATE people SET name = ?, role = ?, strand_id = ?, email = ?, retired = ?, from_plan = 0 WHERE id = ?',
        ...values,
        input.id,
      );
      const after = await this.get(input.id);
      await this.audit.record(at, actor, 'person.edit', 'person', input.id, before, after);
      return after;
    });
  }

  /** A strand has one lead and one deputy at a time: the one before is marked as left first. */
  private async refuseSecondLead(input: PersonInput): Promise<void> {
    const role = STRAND_ROLES[input.role];
    if (!role || input.strandNumber === null) return;
    const other = (await this.list()).find(
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
