// The transfer routes' answers (src/transfers/model.ts, check.ts and rules/un-dprk.ts say what each field means).
import { Type } from 'typebox';
import { ITEM_CATEGORIES } from '../../model/arms-transfer.ts';
import { VERDICTS } from '../../transfers/check.ts';
import { Closed, EvidenceGrade, Nullable } from './common.ts';

const ItemCategory = Type.Enum(Object.keys(ITEM_CATEGORIES) as (keyof typeof ITEM_CATEGORIES)[]);
const Strings = Type.Array(Type.String());
const Citation = Type.Object({ symbol: Type.String({ description: 'S/RES/1874 (2009)' }), url: Type.String() }, Closed);

export const TransferListing = Type.Object(
  {
    transfers: Type.Array(Type.Object({ id: Type.String(), name: Nullable(Type.String()), deal: Nullable(Type.String()), leg: Nullable(Type.String()) }, Closed)),
    deals: Type.Array(
      Type.Object({ deal: Type.String(), legs: Type.Array(Type.Object({ id: Type.String(), leg: Nullable(Type.String()) }, Closed)) }, { ...Closed, description: 'a deal with more than one leg: arms one way, what pays for them the other' }),
    ),
  },
  Closed,
);

export const TransferClaim = Type.Object(
  {
    evidenceGrade: EvidenceGrade,
    sourceDocument: Nullable(Type.String()),
    locator: Nullable(Type.String()),
    claimDate: Nullable(Type.String()),
    status: Strings,
    claimant: Strings,
    notes: Strings,
  },
  Closed,
);

const Figure = Type.Object({ text: Type.String({ description: '"24", "24?" (uncertain), "20-30"' }), low: Type.Number(), high: Type.Number(), uncertain: Type.Boolean() }, Closed);

const DateSpan = Type.Object(
  {
    text: Type.String({ description: 'as the source gives it: "2022-11", "2016/2021", "../2023-03"' }),
    start: Type.Integer({ description: 'earliest day the value allows, yyyymmdd (0: open)' }),
    end: Type.Integer({ description: 'latest day the value allows, yyyymmdd (99991231: open)' }),
  },
  Closed,
);

const Support = Type.Object({ value: Type.String(), grade: EvidenceGrade, sourceDocument: Nullable(Type.String()), locator: Nullable(Type.String()) }, Closed);

export const Transfer = Type.Object(
  {
    id: Type.String(),
    name: Nullable(Type.String()),
    supplier: Strings,
    recipient: Strings,
    intermediaries: Strings,
    carrier: Strings,
    claimant: Strings,
    originCountry: Strings,
    destinationCountry: Strings,
    itemCategory: Type.Array(ItemCategory),
    itemDesignation: Strings,
    itemDescription: Strings,
    weaponCategory: Strings,
    quantity: Strings,
    numberOrdered: Nullable(Figure),
    numberDelivered: Nullable(Figure),
    orderDate: Nullable(DateSpan),
    deliveryDate: Nullable(DateSpan),
    otherDate: Nullable(DateSpan),
    dateQualifier: Strings,
    route: Strings,
    means: Strings,
    status: Type.Array(Type.String(), { description: 'status values of affirming claims (a denial is in its claim)' }),
    purpose: Strings,
    endUse: Strings,
    militaryEndUse: Type.Boolean(),
    committeeNotified: Nullable(Type.Boolean()),
    deal: Nullable(Type.String()),
    leg: Nullable(Type.String()),
    inExchangeFor: Strings,
    sources: Strings,
    claims: Type.Array(TransferClaim),
    support: Type.Record(Type.String(), Type.Array(Support), { description: 'per property, the affirming statements behind its values, strongest first' }),
    warnings: Strings,
  },
  Closed,
);

const Element = Type.Object(
  {
    element: Type.Enum(['conduct', 'direction', 'date', 'items', 'purpose', 'notification', 'end use', 'determination']),
    holds: Type.Enum(['yes', 'uncertain']),
    grade: Nullable(EvidenceGrade),
    reason: Type.String(),
    source: Nullable(Type.Object({ document: Nullable(Type.String()), locator: Nullable(Type.String()) }, Closed)),
  },
  Closed,
);

const RuleFinding = Type.Object(
  {
    rule: Type.String(),
    instrument: Type.String(),
    paragraph: Type.String(),
    verdict: Type.Enum(VERDICTS.filter((v) => v !== 'not applicable')),
    grade: Nullable(EvidenceGrade),
    elements: Type.Array(Element),
    reasons: Strings,
    summary: Type.String(),
    quote: Type.String(),
    citation: Citation,
    verified: Type.Enum(['text', 'summary']),
  },
  Closed,
);

export const TransferCheck = Type.Object(
  {
    transfer: Type.String(),
    name: Nullable(Type.String()),
    date: Nullable(Type.String()),
    verdict: Type.Enum([...VERDICTS], { description: 'the strongest verdict among the provisions' }),
    conduct: Type.Object({ kind: Type.Enum(['completed', 'inchoate', 'unknown']), status: Nullable(Type.String()), grade: Nullable(EvidenceGrade) }, Closed),
    direction: Type.Object({ toDprk: Type.Boolean(), fromDprk: Type.Boolean(), reasons: Strings }, Closed),
    items: Type.Array(Type.Object({ category: ItemCategory, label: Type.String() }, Closed)),
    parties: Type.Array(
      Type.Object({ id: Type.String(), caption: Type.String(), countries: Strings, designatedBy: Type.Array(Type.String(), { description: 'lists designating the party' }), role: Type.String() }, Closed),
    ),
    breaches: Type.Array(RuleFinding),
    notApplicable: Type.Array(Type.Object({ rule: Type.String(), instrument: Type.String(), paragraph: Type.String(), why: Type.String() }, Closed)),
    context: Type.Array(Type.String(), { description: 'facts shown for context that no UN finding rests on (national designations)' }),
    evidence: Type.Object({ grade: Nullable(EvidenceGrade), claims: Type.Array(TransferClaim), denials: Type.Array(TransferClaim), caveat: Nullable(Type.String()) }, Closed),
    warnings: Strings,
  },
  Closed,
);

// The rules are constant data (readonly arrays).
const ItemCategories = Type.Immutable(Type.Array(ItemCategory));

export const EmbargoRule = Type.Object(
  {
    id: Type.String(),
    regime: Type.Literal('UN DPRK (1718 Committee)'),
    instrument: Type.String(),
    paragraph: Type.String(),
    adopted: Type.String(),
    effective: Type.String({ description: 'first day the measure applied' }),
    until: Nullable(Type.String()),
    direction: Type.Enum(['to-dprk', 'from-dprk', 'either']),
    items: ItemCategories,
    except: Type.Optional(ItemCategories),
    exceptNote: Type.Optional(Type.String()),
    services: Type.Boolean(),
    purposes: Type.Optional(Type.Immutable(Strings)),
    catchAll: Type.Optional(Type.Enum(['armed-forces', 'programmes'])),
    contestable: Type.Optional(Type.Object({ items: ItemCategories, reasoning: Type.String() }, Closed)),
    notification: Type.Optional(Type.Object({ items: ItemCategories, until: Type.String(), note: Type.String() }, Closed)),
    exemption: Type.Optional(Type.String()),
    exemptionItems: Type.Optional(ItemCategories),
    summary: Type.String(),
    quote: Type.String(),
    citation: Citation,
    verified: Type.Enum(['text', 'summary']),
  },
  Closed,
);

export const EmbargoRules = Type.Object({ rules: Type.Array(EmbargoRule) }, Closed);
