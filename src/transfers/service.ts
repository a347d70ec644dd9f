// The transfer checks over the store: a stored transfer by id, or transfers given as statements
// (a CSV the adapter parsed), against the embargo rules, with the parties looked up (their
// countries, their designations).
import { assembleEntity, SANCTION_TOPIC } from '../model/entity.ts';
import { NotFoundError, ValidationError } from '../model/errors.ts';
import { schemaIsA } from '../model/ftm.ts';
import type { EntityReader } from '../store/types.ts';
import { checkTransfer, type PartyInfo, type TransferCheck, type TransferContext } from './check.ts';
import { transferFromStatements, transfersFromStatements, type Transfer } from './model.ts';
import type { StatementDraft } from '../model/statement.ts';
import { UN_DPRK_RULES, type EmbargoRule } from './rules/un-dprk.ts';
import { ARMS_TRANSFER } from '../model/arms-transfer.ts';
import { seesAny, visibleStatements, type Sees } from '../model/visibility.ts';

const COUNTRY_PROPS = ['country', 'nationality', 'citizenship', 'jurisdiction', 'mainCountry', 'flag'];

export class TransferService {
  constructor(
    private readonly reader: EntityReader,
    /** The embargo rules every check applies (and `/embargo-rules` lists). */
    readonly rules: readonly EmbargoRule[] = UN_DPRK_RULES,
  ) {}

  /** `sees`: the datasets the reader may see (null: all); a transfer it may not see is as unknown as a missing one. */
  async get(id: string, sees: Sees = null): Promise<Transfer> {
    if (!id) throw new ValidationError('id', 'is required');
    const statements = visibleStatements(sees, await this.reader.getStatements(id));
    if (statements.length === 0) throw new NotFoundError(`no entity ${id}`);
    if (!statements.some((s) => s.schema === ARMS_TRANSFER)) throw new NotFoundError(`${id} is not an arms transfer (schema ${statements[0].schema})`);
    return transferFromStatements(statements[0].canonicalId, statements.filter((s) => s.schema === ARMS_TRANSFER));
  }

  async violations(id: string, sees: Sees = null): Promise<TransferCheck> {
    return checkTransfer(await this.get(id, sees), this.context(sees), this.rules);
  }

  /** Check transfers that are not stored (the statements of a transfers CSV). */
  async checkStatements(statements: StatementDraft[]): Promise<TransferCheck[]> {
    const ctx = this.context();
    const checks: TransferCheck[] = [];
    for (const t of transfersFromStatements(statements)) checks.push(await checkTransfer(t, ctx, this.rules));
    return checks;
  }

  /** All stored transfers (ids, names, and the deal and leg each belongs to), for listings. */
  async list(sees: Sees = null): Promise<{ id: string; name: string | null; deal: string | null; leg: string | null }[]> {
    const out: { id: string; name: string | null; deal: string | null; leg: string | null }[] = [];
    for await (const e of this.reader.iterateEntities({ schemata: [ARMS_TRANSFER] })) {
      if (!seesAny(sees, e.datasets)) continue;
      out.push({ id: e.id, name: e.properties.name?.[0] ?? null, deal: e.properties.deal?.[0] ?? null, leg: e.properties.leg?.[0] ?? null });
    }
    return out;
  }

  /** Deals with more than one leg: two-way flows (arms one way, what pays for them the other) as one deal. */
  async deals(sees: Sees = null): Promise<{ deal: string; legs: { id: string; leg: string | null }[] }[]> {
    const byDeal = new Map<string, { id: string; leg: string | null }[]>();
    for (const t of await this.list(sees)) if (t.deal) byDeal.set(t.deal, [...(byDeal.get(t.deal) ?? []), { id: t.id, leg: t.leg }]);
    return [...byDeal].filter(([, legs]) => legs.length > 1).map(([deal, legs]) => ({ deal, legs }));
  }

  /** `sees`: parties are looked up in the datasets the reader may see (a workspace's claims move no one else's check). */
  context(sees: Sees = null): TransferContext {
    const cache = new Map<string, Promise<PartyInfo | undefined>>();
    return { party: (id) => cache.get(id) ?? cache.set(id, this.party(id, sees)).get(id)! };
  }

  private async party(id: string, sees: Sees): Promise<PartyInfo | undefined> {
    const statements = visibleStatements(sees, await this.reader.getStatements(id));
    const entity = assembleEntity(statements);
    if (!entity) return undefined;
    const countries = new Set<string>();
    for (const p of COUNTRY_PROPS) for (const v of entity.properties[p] ?? []) countries.add(v.toLowerCase());
    const designatedBy = new Set<string>();
    for (const s of statements) if (s.prop === 'topics' && s.value === SANCTION_TOPIC) designatedBy.add(s.dataset);
    for (const ref of await this.reader.getReferencing(id)) {
      if (schemaIsA(ref.schema, 'Sanction')) for (const d of ref.datasets ?? []) if (sees === null || sees(d)) designatedBy.add(d);
    }
    return { id: entity.id, caption: entity.caption ?? id, countries: [...countries], designatedBy: [...designatedBy].sort() };
  }
}
