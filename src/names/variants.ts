// Spelling classes of given names and surnames that rules cannot derive: the same name in the
// romanizations and national habits people actually use. Rows list spellings, canonical first.
import { ORG_WORD_VARIANTS } from './data/org-words.ts';
import { KOREAN_SURNAMES } from './hangul.ts';

const ARABIC: string[][] = [
  ['muhammad', 'mohammed', 'mohamed', 'mohammad', 'mohamad', 'muhamad', 'muhammed', 'mohd', 'mhd', 'md', 'muhamed', 'mohamud', 'mohammod', 'mouhamed', 'mohamet', 'mehmet', 'mahomed', 'mamadou', 'muhamet'],
  ['ahmad', 'ahmed', 'ahmet', 'ahmat', 'akhmad', 'akhmed'],
  ['mahmud', 'mahmoud', 'mahmood', 'mehmood', 'mahamud'],
  ['husayn', 'hussein', 'hussain', 'husain', 'hossein', 'husein', 'hussien', 'houssein', 'huseyin', 'husseyn', 'hosein', 'hossain'],
  ['hasan', 'hassan', 'hasen', 'hassen', 'hacen', 'hasson'],
  ['umar', 'omar', 'omer', 'umer', 'oumar'],
  ['uthman', 'othman', 'osman', 'usman', 'utman', 'ousmane', 'othmane'],
  ['yusuf', 'yousef', 'youssef', 'yusef', 'yousuf', 'yussuf', 'yousif', 'yusif', 'youcef', 'yosef'],
  ['ibrahim', 'ebrahim', 'ibraheem', 'brahim', 'ibragim', 'ebraheem'],
  ['ismail', 'ismael', 'esmail', 'ismayil', 'ismaeel', 'esmaeil', 'smail'],
  ['khalid', 'khaled', 'halid', 'khaleed'],
  ['said', 'saeed', 'saied', 'saaid', 'saeid'],
  ['salih', 'saleh', 'salekh'],
  ['abdullah', 'abdallah', 'abdulla', 'abdellah', 'abdollah', 'abdalla'],
  ['mustafa', 'mostafa', 'moustafa', 'mustapha', 'mostapha', 'moustapha'],
  ['jamal', 'gamal', 'djamal', 'jamaal'],
  ['tariq', 'tarek', 'tareq', 'tarik', 'tarak'],
  ['rahman', 'rehman', 'rahmon', 'rakhman'],
  ['rahim', 'raheem', 'rakhim'],
  ['karim', 'kareem', 'kerim'],
  ['nasir', 'nasser', 'naser', 'nassir', 'nacer'],
  ['faysal', 'faisal', 'feisal', 'faycal'],
  ['mansur', 'mansour', 'mansoor'],
  ['hamza', 'hamzah', 'hamzeh'],
  ['adil', 'adel', 'aadil'],
  ['fatima', 'fatema', 'fatimah', 'fatma'],
  ['aisha', 'aysha', 'aicha', 'ayesha', 'aishah', 'aishat'],
  ['abu', 'abou', 'abo'],
  ['bin', 'ben', 'ibn', 'bn'],
  ['ali', 'aly'],
  ['sayf', 'saif', 'seif', 'sayef'],
  ['din', 'deen', 'eddin', 'eddine', 'uddin', 'addin'],
  ['jafar', 'jaafar', 'djafar', 'jaffar'],
  ['qasim', 'kasim', 'kassem', 'qassem', 'gasim', 'qasem', 'kasem', 'qassim'],
  ['zayd', 'zaid', 'zeid', 'zayed'],
  ['yasin', 'yassin', 'yaseen', 'yassine'],
  ['sulayman', 'suleiman', 'sulaiman', 'soliman', 'suleyman', 'sleiman', 'souleymane', 'sulejman'],
  ['usama', 'osama', 'oussama'],
  ['hamid', 'hamed', 'hameed'],
  ['majid', 'majeed', 'maged', 'majed'],
  ['rashid', 'rasheed', 'rachid', 'rashed'],
  ['walid', 'waleed', 'oualid'],
  ['yahya', 'yahia', 'yehia', 'yahiya'],
  ['abd', 'abdul'],
  ['muhsin', 'mohsen', 'mohsin'],
  ['husni', 'hosni', 'housni'],
  ['mahdi', 'mehdi'],
  ['yasir', 'yasser', 'yaser'],
  ['sharif', 'sherif', 'shareef'],
  ['amin', 'ameen', 'emin'],
  ['anwar', 'anouar', 'enver'],
  ['salim', 'saleem', 'selim'],
  ['musa', 'moussa', 'mousa', 'mussa'],
  ['isa', 'issa', 'eisa'],
  ['ubayd', 'obaid', 'ubaid', 'obeid'],
  ['abbas', 'abass'],
  ['nur', 'noor', 'nour'],
  ['hajj', 'haj', 'hadj', 'hajji', 'haji', 'hadji'],
];

const SLAVIC: string[][] = [
  ['aleksandr', 'alexander', 'alexandr', 'aleksander', 'oleksandr', 'alexandre', 'aliaksandr', 'alyaksandr', 'olexandr', 'alexandru'],
  ['aleksandrovich', 'alexandrovich', 'aleksandrovic', 'oleksandrovych', 'alexandrowitsch'],
  ['sergey', 'sergei', 'serguei', 'sergej', 'serhiy', 'serhii', 'siarhei', 'sergiy', 'serge', 'sergii'],
  ['yevgeniy', 'evgeny', 'evgeniy', 'yevgeny', 'jewgeni', 'evgueni', 'ievgueni', 'evgenii', 'yevhen', 'evgeni', 'yevgeni', 'ievgenii', 'eugene'],
  ['dmitriy', 'dmitry', 'dmitri', 'dmitrii', 'dmytro', 'dimitri', 'dimitry', 'dmitrij'],
  ['yuriy', 'yuri', 'yury', 'iouri', 'juri', 'yurii', 'iurii', 'jurij', 'yurij'],
  ['andrey', 'andrei', 'andriy', 'andrii', 'andrej', 'andreï', 'andrew'],
  ['aleksey', 'alexey', 'alexei', 'aleksei', 'oleksiy', 'oleksii', 'alexej', 'aleksej', 'alexis'],
  ['pyotr', 'petr', 'peter', 'piotr', 'petro', 'pjotr', 'piotre', 'petar'],
  ['mikhail', 'michail', 'mykhailo', 'mihail', 'mikhael', 'michael', 'mychajlo'],
  ['nikolay', 'nikolai', 'mykola', 'nicolai', 'nikolaj', 'nicolas'],
  ['vladimir', 'volodymyr', 'wladimir', 'uladzimir', 'vladimer'],
  ['valeriy', 'valery', 'valeri', 'valerii', 'valerij', 'valerie'],
  ['vasiliy', 'vasily', 'vasili', 'wassili', 'vassili', 'vasyl', 'vasilii', 'vassily'],
  ['viktor', 'victor', 'wiktor'],
  ['konstantin', 'kostiantyn', 'constantin', 'konstantyn'],
  ['grigoriy', 'grigory', 'grigori', 'hryhoriy', 'gregory'],
  ['georgiy', 'georgy', 'georgi', 'heorhiy', 'george', 'georges'],
  ['anatoliy', 'anatoly', 'anatoli', 'anatolii', 'anatolij'],
  ['arkadiy', 'arkady', 'arkadi', 'arkadii'],
  ['gennadiy', 'gennady', 'gennadi', 'hennadiy', 'gennadii'],
  ['vitaliy', 'vitaly', 'vitali', 'vitalii', 'witali'],
  ['igor', 'ihor'],
  ['oleg', 'oleh'],
  ['yelena', 'elena', 'olena', 'jelena', 'helena', 'ielena'],
  ['natalya', 'natalia', 'nataliya', 'natalja', 'natalie'],
  ['tatyana', 'tatiana', 'tatjana', 'tetiana', 'tetyana'],
  ['yekaterina', 'ekaterina', 'katerina', 'kateryna', 'jekaterina'],
  ['olga', 'olha', 'volha'],
  ['yuliya', 'yulia', 'julia', 'iuliia', 'yuliia', 'julija'],
  ['mariya', 'maria', 'mariia', 'marija'],
  ['fyodor', 'fedor', 'fiodor', 'feodor', 'fjodor', 'theodor'],
  ['semyon', 'semen', 'semion', 'simon'],
  ['artyom', 'artem', 'artiom', 'artjom'],
  ['ilya', 'ilia', 'ilja', 'illia'],
  ['matvey', 'matvei', 'matthew'],
  ['timur', 'temur', 'teymur'],
  ['ramzan', 'ramazan', 'ramadan'],
  ['magomed', 'mahomed', 'magomet'],
  ['yaroslav', 'jaroslav', 'iaroslav', 'jaroslaw'],
  ['vyacheslav', 'viacheslav', 'wjatscheslaw', 'vjaceslav'],
];

const OTHER: string[][] = [
  ['jr', 'junior'],
  ['sr', 'senior'],
  ...ORG_WORD_VARIANTS,
];

/**
 * English given names and the short forms people go by (a customer file writes Bill, the list
 * William). Only forms that are not names of their own elsewhere: Bob, not Rob (Rob is Dutch).
 */
const NICKNAMES: string[][] = [
  ['william', 'bill', 'billy', 'will', 'willy'],
  ['robert', 'bob', 'bobby', 'robbie'],
  ['richard', 'dick', 'rick', 'ricky'],
  ['theodore', 'ted', 'teddy', 'theo'],
  ['edward', 'ted', 'ed', 'eddie', 'ned'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['michael', 'mike', 'mikey'],
  ['benjamin', 'ben', 'benny', 'bibi'],
  ['barack', 'barry'],
  ['alexander', 'alex', 'sasha', 'sacha', 'alexandr', 'aleksandr'],
  ['elizabeth', 'liz', 'beth', 'betty', 'lisa', 'eliza'],
  ['margaret', 'maggie', 'peggy', 'meg'],
  ['katherine', 'kate', 'katie', 'kathy', 'catherine', 'kathryn'],
  ['joseph', 'joe', 'joey'],
  ['thomas', 'tom', 'tommy'],
  ['anthony', 'tony'],
  ['charles', 'charlie', 'chuck'],
  ['christopher', 'chris'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave'],
  ['jonathan', 'jon'],
  ['nicholas', 'nick', 'nicolas'],
  ['patrick', 'pat', 'paddy'],
  ['samuel', 'sam'],
  ['steven', 'steve', 'stephen'],
  ['timothy', 'tim'],
  ['vladimir', 'volodya', 'vova'],
  ['dmitriy', 'dima', 'dmitry', 'dmitri'],
  ['yevgeniy', 'zhenya'],
  ['mikhail', 'misha'],
  ['ivan', 'vanya'],
];

/** Wade–Giles ↔ Pinyin surname spellings common in lists (rule conversion covers the rest). */
const CHINESE: string[][] = [
  ['zhang', 'chang', 'cheung'],
  ['wang', 'wong'],
  ['li', 'lee', 'lei', 'ly'],
  ['chen', 'chan', 'chun'],
  ['liu', 'lau', 'lao', 'low'],
  ['huang', 'hwang', 'wong'],
  ['zhou', 'chou', 'chow', 'chau'],
  ['wu', 'woo'],
  ['xu', 'hsu', 'hui'],
  ['zhao', 'chao', 'chiu'],
  ['guo', 'kuo', 'kwok'],
  ['xie', 'hsieh', 'tse'],
  ['zheng', 'cheng', 'chang'],
  ['cai', 'tsai', 'choi'],
  ['lin', 'lam'],
  ['ye', 'yeh', 'yip'],
  ['xi', 'hsi'],
  ['qi', 'chi'],
  ['jiang', 'chiang', 'kong'],
  ['deng', 'teng'],
  ['cao', 'tsao', 'tso'],
  ['zhu', 'chu', 'choo'],
  ['he', 'ho', 'hoe'],
  ['gao', 'kao', 'ko'],
  ['song', 'sung'],
  ['yang', 'yeung', 'yong'],
  ['hu', 'woo'],
];

export type VariantFamily = 'arabic' | 'slavic' | 'korean-surname' | 'chinese' | 'other';

const CLASS_OF = new Map<string, { label: string; family: VariantFamily }[]>();

function addClasses(rows: string[][], family: VariantFamily): void {
  for (const row of rows) {
    for (const spelling of row) {
      const list = CLASS_OF.get(spelling) ?? [];
      if (!list.some((c) => c.label === row[0] && c.family === family)) list.push({ label: `${family}:${row[0]}`, family });
      CLASS_OF.set(spelling, list);
    }
  }
}
addClasses(ARABIC, 'arabic');
addClasses(SLAVIC, 'slavic');
addClasses(OTHER, 'other');
addClasses(NICKNAMES, 'other');
addClasses(
  KOREAN_SURNAMES.map(([, latin]) => latin),
  'korean-surname',
);
addClasses(CHINESE, 'chinese');

/** Spelling classes a normalised token belongs to (`mohammed` → `arabic:muhammad`). */
export function variantClasses(token: string): { label: string; family: VariantFamily }[] {
  return CLASS_OF.get(token) ?? [];
}

/** The shared class of two tokens, if they are listed spellings of one name. */
export function sharedVariantClass(a: string, b: string): { label: string; family: VariantFamily } | undefined {
  const ca = CLASS_OF.get(a);
  if (!ca) return undefined;
  const cb = CLASS_OF.get(b);
  if (!cb) return undefined;
  for (const x of ca) for (const y of cb) if (x.label === y.label) return x;
  return undefined;
}
