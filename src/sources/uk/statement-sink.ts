// Turns property values into statement drafts for list parsers whose entries span many rows:
// the id statement first, each (entity, prop, value) once, with the entry's locator and grade.
import type { StatementDraft } from '../../model/statement.ts';
import { ID_PROP } from '../../model/statement.ts';
import { hasProperty } from '../../model/ftm.ts';

export interface Provenance {
  locator: string;
  claimDate?: string | null;
}

export class StatementSink {
  private readonly seen = new Map<string, Set<string>>();
  private readonly schemaOf = new Map<string, string>();

  /** Statements for `values` of `prop` on an entity; yields the id statement on first sight. */
  *values(entityId: string, schema: string, prop: string, values: (string | undefined | null)[], prov: Provenance, lang?: string): Generator<StatementDraft> {
    let seen = this.seen.get(entityId);
    if (!seen) {
      this.seen.set(entityId, (seen = new Set()));
      this.schemaOf.set(entityId, schema);
      yield this.draft(entityId, schema, ID_PROP, entityId, prov);
    }
    this.checkProperty(schema, prop);
    for (const raw of values) {
      if (!raw) continue;
      let value = raw.trim();
      if (/\s\s|[\t\r\n]/.test(value)) value = value.replace(/\s+/g, ' ');
      if (!value) continue;
      const key = `${prop}\u0000${lang ?? ''}\u0000${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      yield { ...this.draft(entityId, schema, prop, value, prov), lang: lang ?? null };
    }
  }

  /** Just the id statement (an entity with nothing else yet). */
  *touch(entityId: string, schema: string, prov: Provenance): Generator<StatementDraft> {
    if (this.seen.has(entityId)) return;
    yield* this.values(entityId, schema, 'name', [], prov);
  }

  /** The schema the entity was first emitted with. */
  schema(entityId: string): string | undefined {
    return this.schemaOf.get(entityId);
  }

  /** A wrong property name is a programming error, not bad input. */
  private checkProperty(schema: string, prop: string): void {
    if (!hasProperty(schema, prop)) throw new Error(`${schema} has no property ${prop}`);
  }

  private draft(entityId: string, schema: string, prop: string, value: string, prov: Provenance): StatementDraft {
    return { entityId, schema, prop, value, locator: prov.locator, claimDate: prov.claimDate ?? null, evidenceGrade: 'official' };
  }
}
