// The UN arms embargo and related measures on the DPRK, as data. Each rule names the instrument,
// its operative paragraph, the date it took effect, which way the items move, what they are,
// and a summary in our own words with at most a short quoted phrase.
//
// Wording was checked against stored copies and summaries (search corpus, 2024-): the UN press
// release SC/8853 for 1718 (2006); the UN Sanctions App extracts of 1874 (2009) para 10 and
// 2397 (2017); SIPRI's DPRK embargo page (1718 para 8 (a)(i) categories and 8 (c) services, 1874,
// 2270); the UN Security Council's page on 2270 (2016); the EU's implementing Regulation 2017/1509
// Art. 9e for 2397 para 7; the UN Sanctions App extracts of 1874 para 10 and 2321 para 30; the UN
// 1718 Committee's list of resolutions (2321 expands the embargo to a conventional arms dual-use
// list); an EU text summarising the 2094 catch-all; northkoreasanctions.org (hosting trainers, the
// 2270 catch-all framed as a supply ban). Paragraph texts not seen in
// full are marked `verified: 'summary'`: faithful summaries in our own words, never invented quotes.
import type { ItemCategory } from '../../model/arms-transfer.ts';

export type Direction = 'to-dprk' | 'from-dprk' | 'either';

export interface EmbargoRule {
  id: string;
  regime: 'UN DPRK (1718 Committee)';
  instrument: string;
  paragraph: string;
  adopted: string;
  /** First day the measure applied (UNSC decisions apply on adoption). */
  effective: string;
  /** Last day, if lifted; null while in force. */
  until: string | null;
  direction: Direction;
  /** Item classes caught. */
  items: readonly ItemCategory[];
  /** Item classes the paragraph excludes (with what it asks instead). */
  except?: readonly ItemCategory[];
  exceptNote?: string;
  /** Also catches technical training, advice, services, assistance (and financial transactions). */
  services: boolean;
  /** Catches shipments for these purposes even without a change of ownership. */
  purposes?: readonly string[];
  /**
   * A catch-all that bites only when a State determines what the item could contribute to:
   * `armed-forces` (2270 para 8: the DPRK's armed forces, or DPRK exports that support another
   * State's armed forces), `programmes` (the DPRK's nuclear or ballistic-missile programmes or
   * other prohibited activities).
   */
  catchAll?: 'armed-forces' | 'programmes';
  /** Items the paragraph reaches only on a reading that can be contested, and why. */
  contestable?: { items: readonly ItemCategory[]; reasoning: string };
  /** Items a State may supply after notifying the Committee in advance (1874 para 10), until a date. */
  notification?: { items: readonly ItemCategory[]; until: string; note: string };
  /** Approvals or exemptions the paragraph allows, which the record cannot show (said in the reasons). */
  exemption?: string;
  /** The items the exemption concerns, when not all (2397 para 7: aircraft parts only). */
  exemptionItems?: readonly ItemCategory[];
  summary: string;
  /** A short phrase of the resolution, quoted; empty where no copy of the text was seen. */
  quote: string;
  citation: { symbol: string; url: string };
  /** `text`: the summary and quote were checked against a copy of the operative text; `summary`: a faithful summary, to be checked against the S/RES document. */
  verified: 'text' | 'summary';
}

const ARMS: readonly ItemCategory[] = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'related-materiel', 'ammunition', 'arms-unspecified'];
const AMMUNITION_UNDER_1718 =
  "Resolution 1718 names major systems (the UN Register categories) and their related materiel, spare parts included. Whether artillery shells are related materiel of large-calibre artillery systems is contestable: the paragraph names systems, not ammunition, and SIPRI's summary of it mentions only the systems and their spare parts. From 12 June 2009 resolution 1874 reaches all arms and related materiel, which includes ammunition beyond doubt.";

const RES = (n: number, y: number) => ({ symbol: `S/RES/${n} (${y})`, url: `https://undocs.org/S/RES/${n}(${y})` });

export const UN_DPRK_RULES: readonly EmbargoRule[] = [
  {
    id: 'unscr-1718-8a-i',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 1718 (2006)',
    paragraph: '8(a)(i)',
    adopted: '2006-10-14',
    effective: '2006-10-14',
    until: null,
    direction: 'to-dprk',
    items: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'related-materiel', 'ammunition'],
    contestable: { items: ['ammunition'], reasoning: AMMUNITION_UNDER_1718 },
    services: false,
    summary: 'States must prevent supplying the DPRK with major conventional weapon systems (the seven UN Register categories) and their related materiel, spare parts included.',
    quote: 'as defined for the purpose of the United Nations Register on Conventional Arms',
    citation: RES(1718, 2006),
    verified: 'text',
  },
  {
    id: 'unscr-1718-8a-ii',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 1718 (2006)',
    paragraph: '8(a)(ii)',
    adopted: '2006-10-14',
    effective: '2006-10-14',
    until: null,
    direction: 'to-dprk',
    items: ['wmd'],
    services: false,
    summary: "States must prevent supplying the DPRK with items, materials, equipment, goods and technology on the Committee's lists that could contribute to its nuclear, ballistic-missile or other WMD programmes.",
    quote: 'nuclear-related, ballistic missile-related or other weapons of mass destruction-related programmes',
    citation: RES(1718, 2006),
    verified: 'summary',
  },
  {
    id: 'unscr-1718-8a-iii',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 1718 (2006)',
    paragraph: '8(a)(iii)',
    adopted: '2006-10-14',
    effective: '2006-10-14',
    until: null,
    direction: 'to-dprk',
    items: ['luxury'],
    services: false,
    summary: 'States must prevent supplying luxury goods to the DPRK.',
    quote: 'luxury goods',
    citation: RES(1718, 2006),
    verified: 'text',
  },
  {
    id: 'unscr-1718-8b',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 1718 (2006)',
    paragraph: '8(b)',
    adopted: '2006-10-14',
    effective: '2006-10-14',
    until: null,
    direction: 'from-dprk',
    items: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'related-materiel', 'ammunition', 'wmd'],
    contestable: { items: ['ammunition'], reasoning: AMMUNITION_UNDER_1718 },
    services: false,
    summary: 'The DPRK must stop exporting the items of 8(a)(i) and (ii), and States must prohibit their procurement from the DPRK by their nationals or with their flag vessels or aircraft.',
    quote: 'shall cease the export of all items covered in subparagraphs (a) (i) and (a) (ii)',
    citation: RES(1718, 2006),
    verified: 'summary',
  },
  {
    id: 'unscr-1718-8c',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 1718 (2006)',
    paragraph: '8(c)',
    adopted: '2006-10-14',
    effective: '2006-10-14',
    until: null,
    direction: 'either',
    items: ['technical-assistance'],
    services: true,
    summary: 'States must prevent transfers, to or from the DPRK, of technical training, advice, services or assistance related to the provision, manufacture, maintenance or use of the items of 8(a)(i) and (ii).',
    quote: 'technical training, advice, services or assistance',
    citation: RES(1718, 2006),
    verified: 'text',
  },
  {
    id: 'unscr-1874-9',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 1874 (2009)',
    paragraph: '9',
    adopted: '2009-06-12',
    effective: '2009-06-12',
    until: null,
    direction: 'from-dprk',
    items: [...ARMS, 'SALW', 'technical-assistance'],
    services: true,
    summary: 'Extends the export ban of 1718 para 8(b) to all arms and related materiel, and to the financial transactions, technical training, advice, services or assistance related to them.',
    quote: 'all arms and related materiel',
    citation: RES(1874, 2009),
    verified: 'summary',
  },
  {
    id: 'unscr-1874-10',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 1874 (2009)',
    paragraph: '10',
    adopted: '2009-06-12',
    effective: '2009-06-12',
    until: null,
    direction: 'to-dprk',
    items: [...ARMS, 'SALW', 'technical-assistance'],
    notification: {
      items: ['SALW'],
      until: '2016-03-01',
      note: 'Small arms and light weapons and their related materiel were outside the ban, but the supplying State had to notify the Committee at least five days before the supply; from 2 March 2016 resolution 2270 para 6 bans them outright.',
    },
    services: true,
    summary:
      'Extends the supply ban of 1718 para 8(a) to all arms and related materiel and the related financial transactions and services, except small arms and light weapons and their related materiel, which States had to notify to the Committee at least five days in advance.',
    quote: 'except for small arms and light weapons and their related materiel',
    citation: RES(1874, 2009),
    verified: 'text',
  },
  {
    id: 'unscr-2270-6',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 2270 (2016)',
    paragraph: '6',
    adopted: '2016-03-02',
    effective: '2016-03-02',
    until: null,
    direction: 'either',
    items: [...ARMS, 'SALW', 'technical-assistance'],
    services: true,
    summary: 'Applies the supply and export bans of 1718 paras 8(a) and 8(b) to all arms and related materiel, small arms and light weapons included, with the related financial transactions and services.',
    quote: 'including small arms and light weapons and their related materiel',
    citation: RES(2270, 2016),
    verified: 'summary',
  },
  {
    id: 'unscr-2270-7',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 2270 (2016)',
    paragraph: '7',
    adopted: '2016-03-02',
    effective: '2016-03-02',
    until: null,
    direction: 'either',
    items: [...ARMS, 'SALW', 'wmd'],
    services: true,
    purposes: ['repair', 'servicing', 'refurbishing', 'testing', 'reverse-engineering', 'marketing'],
    summary: 'Affirms that the 1718 para 8 bans also cover items shipped to or from the DPRK for repair, servicing, refurbishing, testing, reverse-engineering or marketing, whether or not ownership changes hands.',
    quote: 'repair, servicing, refurbishing, testing, reverse-engineering, and marketing',
    citation: RES(2270, 2016),
    verified: 'summary',
  },
  {
    id: 'unscr-2270-8',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 2270 (2016)',
    paragraph: '8',
    adopted: '2016-03-02',
    effective: '2016-03-02',
    until: null,
    // The paragraph binds supplies TO the DPRK only. Its second limb reaches DPRK arms exports
    // indirectly: an item supplied to the DPRK that could feed exports supporting another State's
    // armed forces (a barter's counter-leg) is caught; the export itself falls under 1718 8(b),
    // 1874 para 9 and 2270 para 6, not here.
    direction: 'to-dprk',
    items: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'SALW', 'related-materiel', 'ammunition', 'arms-unspecified', 'wmd', 'technical-assistance', 'luxury', 'industrial-machinery', 'transport-vehicles', 'metals', 'raw-materials', 'conventional-dual-use', 'helicopters', 'vessels', 'other'],
    except: ['food', 'medicine'],
    exceptNote: 'Food and medicine are excluded.',
    exemption: 'The paragraph does not apply where the State determines the supply is exclusively humanitarian or for livelihood purposes, or the Committee approves it case by case.',
    services: false,
    catchAll: 'armed-forces',
    summary:
      "Catch-all on supplies to the DPRK: States must prevent supplying any item, food and medicine aside, that they determine could directly contribute to the operational capabilities of the DPRK's armed forces, or to DPRK exports that support or enhance the operational capabilities of another State's armed forces.",
    quote: 'could directly contribute to the development of the DPRK’s operational capabilities of its armed forces',
    citation: RES(2270, 2016),
    verified: 'summary',
  },
  {
    id: 'unscr-2270-9',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 2270 (2016)',
    paragraph: '9',
    adopted: '2016-03-02',
    effective: '2016-03-02',
    until: null,
    direction: 'from-dprk',
    items: ['military-training'],
    services: true,
    summary:
      'Clarifies that the ban on technical training, advice, services or assistance of 1718 para 8(c) includes hosting DPRK trainers, advisers or other officials for military, paramilitary or police training.',
    quote: '',
    citation: RES(2270, 2016),
    verified: 'summary',
  },
  {
    id: 'unscr-2094-20',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 2094 (2013)',
    paragraph: '20',
    adopted: '2013-03-07',
    effective: '2013-03-07',
    until: null,
    direction: 'either',
    items: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'SALW', 'related-materiel', 'ammunition', 'arms-unspecified', 'wmd', 'technical-assistance', 'luxury', 'industrial-machinery', 'transport-vehicles', 'metals', 'raw-materials', 'conventional-dual-use', 'helicopters', 'vessels', 'food', 'medicine', 'other'],
    services: false,
    catchAll: 'programmes',
    summary:
      "Catch-all for the prohibited programmes: States are to prevent the supply, sale or transfer to or from the DPRK of any item they determine could contribute to its nuclear or ballistic-missile programmes or to other activities resolutions 1718, 1874, 2087 or 2094 prohibit (resolution 2270 para 27 later widened it to items that could help evade the measures).",
    quote: '',
    citation: RES(2094, 2013),
    verified: 'summary',
  },
  {
    id: 'unscr-2321-7',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 2321 (2016)',
    paragraph: '7',
    adopted: '2016-11-30',
    effective: '2016-11-30',
    until: null,
    direction: 'either',
    items: ['conventional-dual-use'],
    services: true,
    summary:
      "Applies the measures of 1718 paras 8(a), 8(b) and 8(c) (supply, procurement, related services) to the items on a new conventional arms dual-use list the 1718 Committee was to adopt; an item is caught once the list names it (resolution 2371 (2017) directed the Committee to designate more such items).",
    quote: '',
    citation: RES(2321, 2016),
    verified: 'summary',
  },
  {
    id: 'unscr-2321-30',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 2321 (2016)',
    paragraph: '30',
    adopted: '2016-11-30',
    effective: '2016-11-30',
    until: null,
    direction: 'to-dprk',
    items: ['helicopters', 'vessels'],
    exemption: 'Supplies the Committee approved in advance, case by case, are exempt.',
    services: false,
    summary: 'States must prevent supplying, selling or transferring new helicopters and vessels to the DPRK, unless the Committee approves it in advance case by case.',
    quote: 'new helicopters and vessels',
    citation: RES(2321, 2016),
    verified: 'summary',
  },
  {
    id: 'unscr-2397-7',
    regime: 'UN DPRK (1718 Committee)',
    instrument: 'UNSCR 2397 (2017)',
    paragraph: '7',
    adopted: '2017-12-22',
    effective: '2017-12-22',
    until: null,
    direction: 'to-dprk',
    items: ['industrial-machinery', 'transport-vehicles', 'metals'],
    exemption: 'Spare parts needed to keep DPRK commercial civilian passenger aircraft flying safely are exempt.',
    exemptionItems: ['transport-vehicles'],
    services: false,
    summary: 'States must prevent supplying the DPRK with all industrial machinery (HS 84, 85), transportation vehicles (HS 86-89) and iron, steel and other metals (HS 72-83).',
    quote: 'all industrial machinery, transportation vehicles, and iron, steel, and other metals',
    citation: RES(2397, 2017),
    verified: 'text',
  },
];

/** ISO country code of the DPRK as FtM writes it. */
export const DPRK = 'kp';
