// The demo rows: updates, meetings and board actions marked demo = 1. Demo data is written through
// the other repositories (their rules and audit apply); this one only counts what is there, checks
// what would block a load or a removal, and deletes the demo rows again in one go.
import { z } from 'zod';
import type { ReportingMonth } from '../../shared/months';
import type { Db } from './open';
import { writeTransaction } from './writeTransaction';

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

export class DemoRepository {
  private readonly rows;
  private readonly realUpdates;
  private readonly issued;
  private readonly realActions;
  private readonly deleteActions;
  private readonly deleteMeetings;
  private readonly deleteUpdates;

  constructor(private readonly db: Db) {
    this.rows = db
      .prepare(
        `SELECT (SELECT count(*) FROM updates WHERE demo = 1) + (SELECT count(*) FROM meetings WHERE demo = 1)
          + (SELECT count(*) FROM board_actions WHERE demo = 1)
          + (SELECT count(*) FROM indicator_figures WHERE source = 'demo')`,
      )
      .pluck();
    this.realUpdates = db
      .prepare('SELECT count(*) FROM updates WHERE demo = 0 AND month BETWEEN ? AND ?')
      .pluck();
    this.issued = db.prepare(
      `SELECT m.held_at AS held_at, count(*) AS n FROM issued_packs p JOIN meetings m ON m.id = p.meeting_id
       WHERE m.demo = 1 GROUP BY m.id ORDER BY m.held_at, m.id`,
    );
    this.realActions = db
      .prepare(
        'SELECT count(*) FROM board_actions a JOIN meetings m ON m.id = a.meeting_id WHERE m.demo = 1 AND a.demo = 0',
      )
      .pluck();
    this.deleteActions = db.prepare('DELETE FROM board_actions WHERE demo = 1');
    this.deleteMeetings = db.prepare('DELETE FROM meetings WHERE demo = 1');
    this.deleteUpdates = db.prepare('DELETE FROM updates WHERE demo = 1');
  }

  rowCount(): number {
    return count.parse(this.rows.get());
  }

  realUpdateCount(firstMonth: ReportingMonth, lastMonth: ReportingMonth): number {
    return count.parse(this.realUpdates.get(firstMonth, lastMonth));
  }

  meetingsWithIssuedPacks(): DemoMeetingIssued[] {
    return this.issued.all().map((row) => {
      const { held_at, n } = issuedRow.parse(row);
      return { heldAt: held_at, packs: n };
    });
  }

  realActionsAtDemoMeetings(): number {
    return count.parse(this.realActions.get());
  }

  removeRows(): DemoRemoval {
    // Action notes, minutes and agenda items go with their action or meeting (ON DELETE CASCADE).
    return writeTransaction(this.db, () => ({
      actions: this.deleteActions.run().changes,
      meetings: this.deleteMeetings.run().changes,
      updates: this.deleteUpdates.run().changes,
    }));
  }
}
