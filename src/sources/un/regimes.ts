// The UN sanctions regimes named by UN_LIST_TYPE, with the committee's founding resolution and the
// measures the regime applies to listed individuals and entities (as the committees' pages state
// them). An unknown regime keeps its raw name, so a new committee never breaks an import.

export interface UnRegime {
  program: string;
  programId: string;
  individuals: string;
  entities: string;
}

const FREEZE = 'Asset freeze';
const FREEZE_TRAVEL = 'Asset freeze; Travel ban';
const FREEZE_TRAVEL_ARMS = 'Asset freeze; Travel ban; Arms embargo';
const FREEZE_ARMS = 'Asset freeze; Arms embargo';

const REGIMES: Record<string, UnRegime> = {
  DPRK: { program: "Democratic People's Republic of Korea (resolution 1718 (2006))", programId: 'UN-1718', individuals: FREEZE_TRAVEL, entities: FREEZE },
  'Al-Qaida': {
    program: "ISIL (Da'esh) & Al-Qaida (resolutions 1267 (1999), 1989 (2011) and 2253 (2015))",
    programId: 'UN-1267',
    individuals: FREEZE_TRAVEL_ARMS,
    entities: FREEZE_ARMS,
  },
  Taliban: { program: 'Taliban (resolution 1988 (2011))', programId: 'UN-1988', individuals: FREEZE_TRAVEL_ARMS, entities: FREEZE_ARMS },
  Iraq: { program: 'Iraq (resolution 1518 (2003))', programId: 'UN-1518', individuals: FREEZE, entities: FREEZE },
  Libya: { program: 'Libya (resolution 1970 (2011))', programId: 'UN-1970', individuals: FREEZE_TRAVEL, entities: FREEZE },
  Iran: { program: 'Iran (resolution 1737 (2006))', programId: 'UN-1737', individuals: FREEZE_TRAVEL, entities: FREEZE },
  CAR: { program: 'Central African Republic (resolution 2127 (2013))', programId: 'UN-2127', individuals: FREEZE_TRAVEL, entities: FREEZE },
  DRC: { program: 'Democratic Republic of the Congo (resolution 1533 (2004))', programId: 'UN-1533', individuals: FREEZE_TRAVEL, entities: FREEZE },
  GB: { program: 'Guinea-Bissau (resolution 2048 (2012))', programId: 'UN-2048', individuals: 'Travel ban', entities: 'Travel ban' },
  Haiti: { program: 'Haiti (resolution 2653 (2022))', programId: 'UN-2653', individuals: FREEZE_TRAVEL_ARMS, entities: FREEZE_ARMS },
  Somalia: { program: 'Al-Shabaab (resolution 2713 (2023))', programId: 'UN-2713', individuals: FREEZE_TRAVEL_ARMS, entities: FREEZE_ARMS },
  SouthSudan: { program: 'South Sudan (resolution 2206 (2015))', programId: 'UN-2206', individuals: FREEZE_TRAVEL, entities: FREEZE },
  Sudan: { program: 'Sudan (resolution 1591 (2005))', programId: 'UN-1591', individuals: FREEZE_TRAVEL, entities: FREEZE },
  Yemen: { program: 'Yemen (resolution 2140 (2014))', programId: 'UN-2140', individuals: FREEZE_TRAVEL, entities: FREEZE },
};

export function unRegime(listType: string): UnRegime {
  return (
    REGIMES[listType] ?? {
      program: listType,
      programId: `UN-${listType.replace(/[^A-Za-z0-9]+/g, '')}`,
      individuals: '',
      entities: '',
    }
  );
}
