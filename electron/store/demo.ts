// The demo rows: updates, meetings and board actions marked demo = 1. Demo data is written through
// the other repositories (their rules and audit apply); this one only counts what is there, checks
// what would block a load or a removal, and deletes the demo rows again in one go.
import { z } from 'zod';
import type { ReportingMonth } from '../../shared/months';
import type { Sql } from './sql';

export interface DemoRemoval {
  updates: number;
  meetings: number;
  actions: number;
}

/** A demo meeting with at least one issued pack: when it is held and how many packs were issued. */
export interface DemoMeetingIssued {
  heldAt: string;
  packs: number;
}

const count = z.number().int().nonnegative();
const issuedRow = z.object({ held_at: z.string(), n: count });

const DEMO_ROWS = `SELECT (SELECT count(*) FROM updates WHERE demo = 1) + (SELECT count(*) FROM meetings WHERE demo = 1)
    + (SELECT count(*) FROM board_actions WHERE demo = 1)
    + (SELECT count(*) FROM indicator_figures WHERE source = 'demo')`;
const REAL_UPDATES = 'SELECT count(*) FROM updates WHERE demo = 0 AND month BETWEEN ? AND ?';
const ISSUED = `SELECT m.held_at AS held_at, count(*) AS n FROM issued_packs p JOIN meetings m ON m.id = p.meeting_id
  WHERE m.demo = 1 GROUP BY m.id, m.held_at ORDER BY m.held_at, m.id`;
const REAL_ACTIONS =
  'SELECT count(*) FROM board_actions a JOIN meetings m ON m.id = a.meeting_id WHERE m.demo = 1 AND a.demo = 0';

export class DemoRepository {
  constructor(private readonly sql: Sql) {}

  async rowCount(): Promise<number> {
    return count.parse(await this.sql.value(DEMO_ROWS));
  }

  async realUpdateCount(firstMonth: ReportingMonth, lastMonth: ReportingMonth): Promise<number> {
    return count.parse(await this.sql.value(REAL_UPDATES, firstMonth, lastMonth));
  }

  async meetingsWithIssuedPacks(): Promise<DemoMeetingIssued[]> {
    return (await this.sql.all(ISSUED)).map((row) => {
      const { held_at, n } = issuedRow.parse(row);
      return { heldAt: held_at, packs: n };
    });
  }

  async realActionsAtDemoMeetings(): Promise<number> {
    return count.parse(await this.sql.value(REAL_ACTIONS));
  }

  async removeRows(): Promise<DemoRemoval> {
    // Action notes, minutes and agenda items go with their action or meeting (ON DELETE CASCADE).
    return this.sql.transaction(async () => {
      const actions = (await this.sql.run('DELETE FROM board_actions WHERE demo = 1')).changes;
      const meetings = (await this.sql.run('DELETE FROM meetings WHERE demo = 1')).changes;
      const updates = (await this.sql.run('DELETE FROM updates WHERE demo = 1')).changes;
      return { actions, meetings, updates };
    });
  }
}
