// The UN arms embargo and related measures on the DPRK, as data. Each rule names the instrument,
// its operative paragraph, the date it took effect, which way the items move, what they are,
// and a summary in our own words with at most a short quoted phrase.
//
// Wording was checked against stored copies and summaries (search corpus, 2024-): the UN press
// release SC/8853 for 1718 (2006); the UN Sanctions App extracts of 1874 (2009) para 10 and
// 2397 (2017); SIPRI's DPRK embargo page (1718 para 8 (a)(i) categories and 8 (c) services, 1874,
// 2270); the UN Security Council's page on 2270 (2016); the EU's implementing Regulation 2017/1509
// Art. 9e for 2397 para 7. Paragraph texts not seen in full are marked `verified: 'summary'`.
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
  /** A catch-all that bites only when a State determines the item's military contribution. */
  catchAll?: boolean;
  summary: string;
  /** A short phrase of the resolution, quoted. */
  quote: string;
  citation: { symbol: string; url: string };
  verified: 'text' | 'summary';
}

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
    items: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'related-materiel'],
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
    items: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'related-materiel', 'wmd'],
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
    items: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'SALW', 'related-materiel', 'arms-unspecified', 'technical-assistance'],
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
    items: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'related-materiel', 'arms-unspecified', 'technical-assistance'],
    except: ['SALW'],
    exceptNote: 'Small arms and light weapons stay outside this paragraph; States must notify the Committee at least five days before supplying them (until 2270 para 6 banned them too).',
    services: true,
    summary: 'Extends the supply ban of 1718 para 8(a) to all arms and related materiel and the related financial transactions and services, except small arms and light weapons, which need prior notification.',
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
    items: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'SALW', 'related-materiel', 'arms-unspecified', 'technical-assistance'],
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
    items: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'SALW', 'related-materiel', 'arms-unspecified', 'wmd'],
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
    direction: 'to-dprk',
    items: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'SALW', 'related-materiel', 'arms-unspecified', 'wmd', 'technical-assistance', 'luxury', 'industrial-machinery', 'transport-vehicles', 'metals', 'raw-materials', 'other'],
    except: ['food', 'medicine'],
    exceptNote: 'Food and medicine are excluded; otherwise the ban bites when the supplying State determines the item could directly contribute to the DPRK armed forces’ operational capabilities (or to exports that enhance another State’s armed forces).',
    services: false,
    catchAll: true,
    summary: "Catch-all: States must prevent supplying the DPRK with any item, food and medicine aside, that they determine could directly contribute to developing the operational capabilities of the DPRK's armed forces, or to DPRK exports that support another State's armed forces.",
    quote: 'could directly contribute to the development of the DPRK’s operational capabilities of its armed forces',
    citation: RES(2270, 2016),
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
    exceptNote: 'Spare parts needed to keep DPRK commercial civilian passenger aircraft flying safely are exempt.',
    services: false,
    summary: 'States must prevent supplying the DPRK with all industrial machinery (HS 84, 85), transportation vehicles (HS 86-89) and iron, steel and other metals (HS 72-83).',
    quote: 'all industrial machinery, transportation vehicles, and iron, steel, and other metals',
    citation: RES(2397, 2017),
    verified: 'text',
  },
];

/** ISO country code of the DPRK as FtM writes it. */
export const DPRK = 'kp';
