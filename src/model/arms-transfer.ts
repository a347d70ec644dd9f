// `ArmsTransfer`: an FtM schema extension, written as data in FtM's own style (compare the YAML of
// followthemoney/schema/*.yaml). The FtM package's model cannot be extended at runtime, so the
// definition lives here, and ftm.ts answers for it as for FtM's own schemata (schemaIsA,
// propertyType, captions); the store keeps its statements like any other (schema "ArmsTransfer").
// Property names follow FtM conventions (camelCase, entity ranges, `reverse` for the back-link).

export interface ExtensionProperty {
  label: string;
  type: 'string' | 'text' | 'date' | 'entity' | 'country' | 'number' | 'url' | 'identifier';
  range?: string;
  reverse?: { name: string; label: string };
  description?: string;
  /** Allowed values for enumerated strings. */
  values?: readonly string[];
}

/** The UN Register of Conventional Arms categories, plus the wider classes UN DPRK rules name. */
export const ITEM_CATEGORIES = {
  I: 'Battle tanks',
  II: 'Armoured combat vehicles',
  III: 'Large-calibre artillery systems',
  IV: 'Combat aircraft and unmanned combat aerial vehicles',
  V: 'Attack helicopters',
  VI: 'Warships',
  VII: 'Missiles and missile launchers',
  SALW: 'Small arms and light weapons',
  'related-materiel': 'Related materiel: ammunition, parts, components, equipment for the above',
  ammunition: 'Ammunition, such as artillery shells',
  'arms-unspecified': 'Arms of a type the source does not state',
  wmd: 'Nuclear-, ballistic-missile- or other WMD-related items, materials, equipment, goods and technology',
  'technical-assistance': 'Technical training, advice, services or assistance',
  'military-training': 'Trainers, advisers or other officials hosted for military, paramilitary or police training',
  'conventional-dual-use': "Items on the 1718 Committee's conventional arms dual-use list (UNSCR 2321 para 7)",
  helicopters: 'New helicopters',
  vessels: 'New vessels',
  luxury: 'Luxury goods',
  'industrial-machinery': 'Industrial machinery (HS 84, 85)',
  'transport-vehicles': 'Transportation vehicles (HS 86 to 89), including aircraft and vessels',
  metals: 'Iron, steel and other metals (HS 72 to 83)',
  'raw-materials': 'Raw materials and commodities not otherwise classed',
  food: 'Food',
  medicine: 'Medicine',
  other: 'Other items',
} as const;
export type ItemCategory = keyof typeof ITEM_CATEGORIES;

/** Item categories that are arms or related materiel. */
export const ARMS_CATEGORIES: readonly ItemCategory[] = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'SALW', 'related-materiel', 'ammunition', 'arms-unspecified'];

export const TRANSFER_MEANS = ['rail', 'vessel', 'air', 'road', 'pipeline', 'other', 'unknown'] as const;
export const TRANSFER_STATUSES = ['negotiated', 'planned', 'ordered', 'in-progress', 'delivered', 'intercepted', 'attempted', 'alleged', 'denied', 'unknown'] as const;
/** SIPRI Arms Transfers Database weapon categories (its register excludes ammunition and small arms: `other`). */
export const WEAPON_CATEGORIES = ['aircraft', 'air-defence-systems', 'anti-submarine-warfare', 'armoured-vehicles', 'artillery', 'engines', 'missiles', 'naval-weapons', 'satellites', 'sensors', 'ships', 'other'] as const;
/** Which way a leg of a deal runs: the arms, or what pays for them (a barter's counter-flow). */
export const DEAL_LEGS = ['arms', 'counter'] as const;
/** What the items are for, as a source says: the catch-all provisions turn on it. */
export const END_USES = ['armed-forces', 'nuclear-programme', 'ballistic-missile-programme', 'wmd-programme', 'submarine-programme', 'arms-exports', 'civilian', 'unknown'] as const;
/** "24", "24?" (uncertain), "20-30" (a range), "20-30?": SIPRI's numbers with their uncertainty. */
export const NUMBER_RE = /^(\d+)(?:-(\d+))?(\?)?$/;
/** Why items travel without a sale: UNSCR 2270 para 7 reaches these too. */
export const TRANSFER_PURPOSES = ['sale', 'barter', 'gift', 'repair', 'servicing', 'refurbishing', 'testing', 'reverse-engineering', 'marketing', 'unknown'] as const;
export const DATE_QUALIFIERS = ['exact', 'approximate', 'before', 'after', 'range'] as const;

export const ARMS_TRANSFER_SCHEMA = {
  name: 'ArmsTransfer',
  label: 'Arms transfer',
  plural: 'Arms transfers',
  extends: ['Interval', 'Thing'],
  description:
    'A supply, sale or transfer of arms, related materiel, dual-use or other controlled items (and the services that go with them) between parties, as a source reports it.',
  matchable: false,
  featured: ['supplier', 'recipient', 'itemCategory', 'deliveryDate', 'status'],
  required: [] as string[],
  caption: ['name', 'itemDesignation', 'itemDescription'],
  temporalExtent: { start: ['orderDate', 'deliveryDate', 'startDate', 'date'], end: ['deliveryDate', 'endDate'] },
  properties: {
    supplier: { label: 'Supplier', type: 'entity', range: 'LegalEntity', reverse: { name: 'armsSupplied', label: 'Arms supplied' } },
    recipient: { label: 'Recipient', type: 'entity', range: 'LegalEntity', reverse: { name: 'armsReceived', label: 'Arms received' } },
    intermediaries: { label: 'Intermediaries', type: 'entity', range: 'LegalEntity', reverse: { name: 'armsBrokered', label: 'Arms transfers arranged' } },
    carrier: { label: 'Carrier', type: 'entity', range: 'Thing', reverse: { name: 'armsCarried', label: 'Arms carried' }, description: 'Vessel, aircraft, train or company that moved the items.' },
    claimant: { label: 'Claimed by', type: 'entity', range: 'LegalEntity', description: 'Who makes the claim (a government, a UN panel, a party that denies it).' },
    originCountry: { label: 'Country of origin', type: 'country' },
    destinationCountry: { label: 'Country of destination', type: 'country' },
    itemCategory: { label: 'Item category', type: 'string', values: Object.keys(ITEM_CATEGORIES), description: 'UN Register of Conventional Arms category (I-VII), SALW, related materiel, or a wider class.' },
    itemDesignation: { label: 'Item designation', type: 'string', description: 'Model or type name, e.g. a missile designation.' },
    itemDescription: { label: 'Item description', type: 'text' },
    quantity: { label: 'Quantity', type: 'string', description: 'A number, a range ("10-20") or words from the source ("significant numbers").' },
    numberOrdered: { label: 'Number ordered', type: 'string', description: 'SIPRI style: "24", "24?" (uncertain), "20-30" (range).' },
    numberDelivered: { label: 'Number delivered', type: 'string', description: 'SIPRI style: "24", "24?" (uncertain), "20-30" (range).' },
    weaponCategory: { label: 'Weapon category (SIPRI)', type: 'string', values: WEAPON_CATEGORIES },
    deal: { label: 'Deal', type: 'string', description: 'Id shared by the legs of one deal (the arms and their counter-flow).' },
    leg: { label: 'Leg of the deal', type: 'string', values: DEAL_LEGS },
    endUse: { label: 'End use', type: 'string', values: END_USES, description: 'What the items are for, as the source says (catch-all provisions).' },
    committeeNotified: { label: 'Notified to the 1718 Committee', type: 'string', values: ['true', 'false'], description: 'Whether the supplier notified the Committee in advance (UNSCR 1874 para 10).' },
    orderDate: { label: 'Order date', type: 'date', description: 'ISO date of any precision, or a range "2016/2021".' },
    deliveryDate: { label: 'Delivery date', type: 'date', description: 'ISO date of any precision, or a range "2022-09/2023-03".' },
    dateQualifier: { label: 'Date qualifier', type: 'string', values: DATE_QUALIFIERS },
    route: { label: 'Route', type: 'text' },
    means: { label: 'Means of transport', type: 'string', values: TRANSFER_MEANS },
    status: { label: 'Status', type: 'string', values: TRANSFER_STATUSES },
    purpose: { label: 'Purpose', type: 'string', values: TRANSFER_PURPOSES },
    militaryEndUse: { label: 'Military end use', type: 'string', values: ['true', 'false'], description: 'The recipient or end user is an armed force.' },
    inExchangeFor: { label: 'In exchange for', type: 'entity', range: 'ArmsTransfer', reverse: { name: 'exchangedAgainst', label: 'Exchanged against' } },
    sources: { label: 'Sources', type: 'entity', range: 'Document', description: 'Documents the claims cite (each statement also names its own).' },
  } satisfies Record<string, ExtensionProperty>,
} as const;

export type ArmsTransferProp = keyof typeof ARMS_TRANSFER_SCHEMA.properties;
export const ARMS_TRANSFER = ARMS_TRANSFER_SCHEMA.name;

/** Properties the extension inherits from FtM's Interval/Thing and that a transfer may carry. */
export const INHERITED_PROPS = ['name', 'description', 'summary', 'notes', 'date', 'startDate', 'endDate', 'sourceUrl', 'publisher', 'country', 'keywords'] as const;

export function isArmsTransferProp(prop: string): boolean {
  return prop in ARMS_TRANSFER_SCHEMA.properties || (INHERITED_PROPS as readonly string[]).includes(prop) || prop === 'id';
}

export function isItemCategory(value: string): value is ItemCategory {
  return value in ITEM_CATEGORIES;
}
