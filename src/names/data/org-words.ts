// The words DPRK, Russian and Chinese entity names are built from, with their Hangul, Russian
// (stems: the word is met declined, министерство/министерства) and Han (simplified and
// traditional) forms, so a name given in translation meets its list entry (군수공업부 → munitions
// industry department; Министерство обороны → ministry defense; 朝鲜贸易银行 → korea trade bank).
// Sources: the English names the UN 1718 Committee, OFAC and the UK list give for DPRK entities
// beside their Korean names (Reconnaissance General Bureau 정찰총국, Munitions Industry Department
// 군수공업부, Korea Mining Development Trading Corporation 조선광업개발무역회사, Foreign Trade Bank /
// Korea Trade Bank 조선무역은행); the Russian names in the EU and UK lists beside their English
// translations (Министерство обороны Российской Федерации, Главное управление); standard dictionary
// translations for the rest. English is the canonical form the matcher compares.
export interface OrgWord {
  en: string;
  hangul?: string[];
  /** Russian stems, lowercase: a Cyrillic word that starts with one (at most 4 letters longer, 6 for stems of 7 or more) is translated. */
  ru?: string[];
  han?: string[];
}

export const ORG_WORDS: OrgWord[] = [
  { en: 'ministry', hangul: ['성'], ru: ['министерств'], han: ['部', '省'] },
  { en: 'department', hangul: ['부'], ru: ['департамент', 'отдел'], han: ['部门', '部門'] },
  { en: 'bureau', hangul: ['국'], ru: ['бюро'], han: ['局'] },
  { en: 'general bureau', hangul: ['총국'], han: ['总局', '總局'] },
  { en: 'directorate', ru: ['управлени', 'дирекци'] },
  { en: 'main', ru: ['главн'] },
  { en: 'staff', hangul: ['참모부'], ru: ['штаб'], han: ['参谋部', '參謀部'] },
  { en: 'bank', hangul: ['은행'], ru: ['банк'], han: ['银行', '銀行'] },
  { en: 'trade', hangul: ['무역'], ru: ['торгов', 'торговл'], han: ['贸易', '貿易'] },
  { en: 'foreign', hangul: ['대외'], ru: ['внешн', 'иностранн'], han: ['对外', '對外'] },
  { en: 'general', hangul: ['총'], ru: ['генеральн'], han: ['总', '總'] },
  { en: 'corporation', hangul: ['공사', '총회사'], ru: ['корпораци'], han: ['总公司', '總公司'] },
  { en: 'company', hangul: ['회사'], ru: ['компани'], han: ['公司'] },
  { en: 'academy', hangul: ['과학원', '아카데미'], ru: ['академи'], han: ['科学院', '科學院'] },
  { en: 'munitions', hangul: ['군수'], ru: ['боеприпас'], han: ['军需', '軍需'] },
  { en: 'industry', hangul: ['공업', '산업'], ru: ['промышленн', 'индустри'], han: ['工业', '工業', '产业', '產業'] },
  { en: 'reconnaissance', hangul: ['정찰'], ru: ['разведк', 'разведыват'], han: ['侦察', '偵察'] },
  { en: 'defense', hangul: ['국방'], ru: ['оборон'], han: ['国防', '國防'] },
  { en: 'security', hangul: ['보위', '안전'], ru: ['безопасност'], han: ['安全', '保卫', '保衛'] },
  { en: 'state', hangul: ['국가'], ru: ['государствен'], han: ['国家', '國家'] },
  { en: 'peoples', hangul: ['인민'], ru: ['народн'], han: ['人民'] },
  { en: 'army', hangul: ['군'], ru: ['арми'], han: ['军', '軍'] },
  { en: 'committee', hangul: ['위원회'], ru: ['комитет'], han: ['委员会', '委員會'] },
  { en: 'commission', ru: ['комисси'] },
  { en: 'mining', hangul: ['광업'], ru: ['горнодобыва', 'горн'], han: ['矿业', '礦業'] },
  { en: 'development', hangul: ['개발'], ru: ['развити'], han: ['开发', '開發', '发展', '發展'] },
  { en: 'machine', hangul: ['기계'], ru: ['машин'], han: ['机械', '機械'] },
  { en: 'building', ru: ['строительн', 'строени'] },
  { en: 'plant', hangul: ['공장', '련합기업소'], ru: ['завод', 'комбинат'], han: ['工厂', '工廠'] },
  { en: 'institute', hangul: ['연구소', '연구원'], ru: ['институт'], han: ['研究所', '研究院'] },
  { en: 'research', ru: ['исследовательск', 'научно'] },
  { en: 'university', hangul: ['대학'], ru: ['университет'], han: ['大学', '大學'] },
  { en: 'shipping', hangul: ['해운'], ru: ['судоходн', 'пароходств'], han: ['海运', '海運', '航运', '航運'] },
  { en: 'maritime', hangul: ['해사'], ru: ['морск'], han: ['海事'] },
  { en: 'international', hangul: ['국제'], ru: ['международн'], han: ['国际', '國際'] },
  { en: 'commercial', hangul: ['상업'], ru: ['коммерческ'], han: ['商业', '商業'] },
  { en: 'credit', hangul: ['신용'], ru: ['кредитн'], han: ['信用'] },
  { en: 'investment', hangul: ['투자'], ru: ['инвестиционн'], han: ['投资', '投資'] },
  { en: 'insurance', hangul: ['보험'], ru: ['страхов'], han: ['保险', '保險'] },
  { en: 'central', hangul: ['중앙'], ru: ['центральн'], han: ['中央'] },
  { en: 'federal', ru: ['федеральн'] },
  { en: 'federation', ru: ['федераци'] },
  { en: 'russian', ru: ['российск', 'русск'] },
  { en: 'korea', hangul: ['조선'], ru: ['корейск', 'корея'], han: ['朝鲜', '朝鮮'] },
  { en: 'dprk', ru: ['кндр'] },
  { en: 'democratic', ru: ['демократическ'] },
  { en: 'republic', ru: ['республик'] },
  { en: 'service', ru: ['служб'] },
  { en: 'export', hangul: ['수출'], ru: ['экспорт'], han: ['出口'] },
  { en: 'import', hangul: ['수입'], ru: ['импорт'], han: ['进口', '進口'] },
  { en: 'technology', hangul: ['기술'], ru: ['технолог'], han: ['技术', '技術', '科技'] },
  { en: 'group', hangul: ['그룹'], ru: ['групп'], han: ['集团', '集團'] },
  { en: 'association', hangul: ['연합'], ru: ['объединени', 'ассоциаци'], han: ['联合', '聯合'] },
  { en: 'union', ru: ['союз'] },
  { en: 'center', hangul: ['센터'], ru: ['центр'], han: ['中心'] },
  { en: 'party', hangul: ['당'], ru: ['парти'], han: ['党', '黨'] },
  { en: 'workers', hangul: ['노동'], ru: ['трудящ', 'рабоч'], han: ['劳动', '勞動'] },
  { en: 'oil', hangul: ['석유'], ru: ['нефт'], han: ['石油'] },
  { en: 'energy', hangul: ['에네르기', '에너지'], ru: ['энергет'], han: ['能源'] },
  { en: 'atomic', hangul: ['원자력'], ru: ['атомн'], han: ['原子能'] },
  { en: 'transport', hangul: ['운송', '운수'], ru: ['транспорт'], han: ['运输', '運輸'] },
  { en: 'electronics', hangul: ['전자'], ru: ['электрон'], han: ['电子', '電子'] },
  { en: 'aviation', hangul: ['항공'], ru: ['авиаци', 'авиа'], han: ['航空'] },
];

/** English words of the table that a list may also write in another form (trade/trading, defense/defence). */
export const ORG_WORD_VARIANTS: string[][] = [
  ['trade', 'trading'],
  ['defense', 'defence'],
  ['industry', 'industrial', 'industries'],
  ['munitions', 'munition'],
  ['center', 'centre'],
  // 정찰 / разведка are rendered both ways (Reconnaissance General Bureau; GRU, Main Intelligence Directorate).
  ['reconnaissance', 'intelligence'],
];
