// Generates test/eval/pairs.csv: labelled name pairs by category, from the bundled lists and from
// romanization tables written here independently of the matcher (so the matcher's own rules are
// not used to make its test data). Deterministic (seeded). Run from the project root:
//   node --import tsx test/eval/make-pairs.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import { loadSdn, type ListedEntity } from './lists.ts';
import { mangle, natural, pick, rand, shuffle } from './mangle.ts';

type Row = { schema: string; name1: string; name2: string; is_match: boolean; note: string; category: string };
const rows: Row[] = [];
const add = (category: string, schema: string, name1: string, name2: string, is_match: boolean, note: string) => {
  if (name1.trim() && name2.trim() && name1 !== name2) rows.push({ schema, name1, name2, is_match, note, category });
};

// ---------- lexical helpers independent of the matcher ----------
const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
function bigramDice(a: string, b: string): number {
  const grams = (s: string) => {
    const t = plain(s).split(' ').sort().join(' ');
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < t.length; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let inter = 0;
  let na = 0;
  let nb = 0;
  for (const v of ga.values()) na += v;
  for (const v of gb.values()) nb += v;
  for (const [k, v] of ga) inter += Math.min(v, gb.get(k) ?? 0);
  return na + nb ? (2 * inter) / (na + nb) : 0;
}

// ---------- real lists ----------
const sdn = loadSdn();
const persons = sdn.filter((e) => e.schema === 'Person');
const orgs = sdn.filter((e) => e.schema === 'Organization');
const vessels = sdn.filter((e) => e.schema === 'Vessel');

// OFAC aliases that are spellings of the primary name (a lexical filter keeps out unrelated a.k.a.s).
function aliasPairs(list: ListedEntity[], schema: string, category: string, cap: number) {
  const out: [string, string][] = [];
  for (const e of list) for (const a of e.properties.alias ?? []) if (bigramDice(e.properties.name[0], a) >= 0.55) out.push([e.properties.name[0], a]);
  for (const [a, b] of shuffle(out).slice(0, cap)) add(category, schema, a, b, true, 'OFAC alias of the listed name');
}
aliasPairs(persons, 'Person', 'alias-person', 500);
aliasPairs(orgs, 'Company', 'alias-org', 300);

// Mangled listed names (UN and OFAC people, OFAC organisations).
const un = gunzipSync(readFileSync(new URL('../../data/un_sc_sanctions/2026-02-27/consolidated.xml.gz', import.meta.url))).toString('utf8');
const unPeople: { latin: string; original?: string }[] = [];
for (const block of un.split('</INDIVIDUAL>')) {
  const parts = [...block.matchAll(/<(FIRST|SECOND|THIRD|FOURTH)_NAME>([^<]*)</g)].map((m) => m[2].trim()).filter(Boolean);
  if (!parts.length) continue;
  const original = /<NAME_ORIGINAL_SCRIPT>([^<]+)</.exec(block)?.[1]?.trim();
  unPeople.push({ latin: parts.join(' '), original });
}
for (const p of shuffle(unPeople.slice()).slice(0, 500)) {
  const m = mangle(p.latin, 'Person');
  if (m) add('mangled-person', 'Person', m.text, p.latin, true, `UN listed, ${m.note}`);
}
for (const e of shuffle(persons.slice()).slice(0, 400)) {
  const m = mangle(e.properties.name[0], 'Person');
  if (m) add('mangled-person', 'Person', m.text, e.properties.name[0], true, `OFAC listed, ${m.note}`);
}
for (const e of shuffle(orgs.slice()).slice(0, 400)) {
  const m = mangle(e.properties.name[0], 'Company');
  if (m) add('mangled-org', 'Company', m.text, e.properties.name[0], true, `OFAC listed, ${m.note}`);
}

// UN original-script (Arabic, Cyrillic) against the UN's own Latin name.
for (const p of unPeople) if (p.original) add('cross-script-un', 'Person', p.original, p.latin, true, 'UN original script vs Latin');

// Hard negatives: different OFAC people who share a surname and a given name, or a surname only.
function tokensOf(n: string): string[] {
  return plain(n).split(' ').filter((t) => t.length > 1);
}
const bySurname = new Map<string, ListedEntity[]>();
for (const e of persons) {
  const n = e.properties.name[0];
  if (!n.includes(', ')) continue;
  const s = plain(n.split(', ')[0]);
  (bySurname.get(s) ?? bySurname.set(s, []).get(s)!).push(e);
}
const negPersons: [string, string, string][] = [];
for (const group of bySurname.values()) {
  if (group.length < 2) continue;
  for (let i = 0; i < group.length && i < 30; i++)
    for (let j = i + 1; j < group.length && j < 30; j++) {
      const a = group[i].properties.name[0];
      const b = group[j].properties.name[0];
      const ta = tokensOf(a);
      const tb = tokensOf(b);
      if (plain(a) === plain(b) || bigramDice(a, b) > 0.97) continue;
      // Same person listed twice (identical given names, in any order) is not a negative.
      if (ta.length === tb.length && ta.slice().sort().join() === tb.slice().sort().join()) continue;
      const shared = ta.filter((t) => tb.includes(t)).length;
      negPersons.push([a, b, shared >= 2 ? 'same surname and a shared given name' : 'same surname, other given names']);
    }
}
for (const [a, b, note] of shuffle(negPersons).slice(0, 700)) add('similar-listed-person', 'Person', natural(a), b, false, `different OFAC people: ${note}`);

const byWord = new Map<string, ListedEntity[]>();
for (const e of orgs) for (const t of new Set(tokensOf(e.properties.name[0]))) if (t.length >= 4) (byWord.get(t) ?? byWord.set(t, []).get(t)!).push(e);
const negOrgs: [string, string][] = [];
const seenOrg = new Set<string>();
for (const group of byWord.values()) {
  if (group.length < 2 || group.length > 40) continue;
  for (let i = 0; i + 1 < group.length && i < 10; i++) {
    const a = group[i].properties.name[0];
    const b = group[i + 1].properties.name[0];
    const key = [a, b].sort().join('|');
    if (seenOrg.has(key) || plain(a) === plain(b)) continue;
    seenOrg.add(key);
    const ta = tokensOf(a);
    const tb = tokensOf(b);
    if (ta.filter((t) => tb.includes(t)).length >= 2) negOrgs.push([a, b]);
  }
}
for (const [a, b] of shuffle(negOrgs).slice(0, 400)) add('similar-listed-org', 'Company', a, b, false, 'different OFAC entities sharing two words');

// Vessels: prefixes and typos (positive); other numbers and other vessels sharing a word (negative).
for (const v of shuffle(vessels.slice()).slice(0, 150)) {
  const n = v.properties.name[0];
  add('vessel', 'Vessel', `${pick(['MV', 'M/V', 'M.V.', 'MT'])} ${n}`, n, true, 'vessel prefix');
  const m = mangle(n, 'Vessel');
  if (m) add('vessel', 'Vessel', m.text, n, true, `vessel ${m.note}`);
  const num = /\b(\d+|I{1,3}|IV|V|VI{1,3})$/.exec(n);
  if (num) {
    const other = num[1] === 'II' ? 'III' : num[1] === '1' ? '2' : /^\d+$/.test(num[1]) ? String(+num[1] + 1) : 'II';
    add('vessel', 'Vessel', n.replace(/\S+$/, other), n, false, 'same name, other number');
  } else add('vessel', 'Vessel', `${n} ${pick(['II', '2', 'III'])}`, n, false, 'numbered sister name');
}

// ---------- Korean: Hangul and the romanizations people use (tables written here) ----------
// [Hangul, OFAC-style McCune–Reischauer (apostrophes as OFAC writes them), Revised, South Korean habit]
const K_SURNAMES: [string, string, string, string][] = [
  ['김', 'Kim', 'Gim', 'Kim'], ['리', 'Ri', 'I', 'Lee'], ['박', 'Pak', 'Bak', 'Park'], ['최', "Ch'oe", 'Choe', 'Choi'],
  ['정', 'Cho\'ng', 'Jeong', 'Jung'], ['강', 'Kang', 'Gang', 'Kang'], ['조', 'Cho', 'Jo', 'Cho'], ['윤', 'Yun', 'Yun', 'Yoon'],
  ['장', 'Chang', 'Jang', 'Jang'], ['림', 'Rim', 'Im', 'Lim'], ['한', 'Han', 'Han', 'Han'], ['오', 'O', 'O', 'Oh'],
  ['신', 'Sin', 'Sin', 'Shin'], ['황', 'Hwang', 'Hwang', 'Hwang'], ['안', 'An', 'An', 'Ahn'], ['송', 'Song', 'Song', 'Song'],
  ['류', 'Ryu', 'Yu', 'Yoo'], ['홍', 'Hong', 'Hong', 'Hong'], ['전', "Cho'n", 'Jeon', 'Jun'], ['고', 'Ko', 'Go', 'Ko'],
  ['문', 'Mun', 'Mun', 'Moon'], ['량', 'Ryang', 'Yang', 'Yang'], ['손', 'Son', 'Son', 'Sohn'], ['배', 'Pae', 'Bae', 'Bae'],
  ['백', 'Paek', 'Baek', 'Paik'], ['허', "Ho'", 'Heo', 'Huh'], ['남', 'Nam', 'Nam', 'Nam'], ['로', 'Ro', 'No', 'Roh'],
  ['현', "Hyo'n", 'Hyeon', 'Hyun'], ['방', 'Pang', 'Bang', 'Bang'], ['주', 'Chu', 'Ju', 'Joo'], ['렴', "Ryo'm", 'Yeom', 'Yeom'],
];
const K_SYLLABLES: [string, string, string, string][] = [
  ['정', "Cho'ng", 'Jeong', 'Jung'], ['은', "U'n", 'Eun', 'Eun'], ['영', "Yo'ng", 'Yeong', 'Young'], ['철', "Ch'o'l", 'Cheol', 'Chul'],
  ['혁', "Hyo'k", 'Hyeok', 'Hyuk'], ['호', 'Ho', 'Ho', 'Ho'], ['남', 'Nam', 'Nam', 'Nam'], ['일', 'Il', 'Il', 'Il'],
  ['성', "So'ng", 'Seong', 'Sung'], ['수', 'Su', 'Su', 'Soo'], ['민', 'Min', 'Min', 'Min'], ['광', 'Kwang', 'Gwang', 'Kwang'],
  ['명', "Myo'ng", 'Myeong', 'Myung'], ['룡', 'Ryong', 'Yong', 'Yong'], ['준', 'Chun', 'Jun', 'Joon'], ['현', "Hyo'n", 'Hyeon', 'Hyun'],
  ['석', "So'k", 'Seok', 'Suk'], ['훈', 'Hun', 'Hun', 'Hoon'], ['희', 'Hui', 'Hui', 'Hee'], ['순', 'Sun', 'Sun', 'Soon'],
  ['국', 'Kuk', 'Guk', 'Kook'], ['진', 'Chin', 'Jin', 'Jin'], ['경', "Kyo'ng", 'Gyeong', 'Kyung'], ['봉', 'Pong', 'Bong', 'Bong'],
  ['식', 'Sik', 'Sik', 'Sik'], ['학', 'Hak', 'Hak', 'Hak'], ['원', "Wo'n", 'Won', 'Won'], ['덕', "To'k", 'Deok', 'Duk'],
  ['혜', 'Hye', 'Hye', 'Hye'], ['옥', 'Ok', 'Ok', 'Ok'], ['향', 'Hyang', 'Hyang', 'Hyang'], ['길', 'Kil', 'Gil', 'Gil'],
  ['택', "T'aek", 'Taek', 'Taek'], ['범', "Po'm", 'Beom', 'Bum'], ['복', 'Pok', 'Bok', 'Bok'], ['태', "T'ae", 'Tae', 'Tae'],
  ['창', "Ch'ang", 'Chang', 'Chang'], ['상', 'Sang', 'Sang', 'Sang'], ['기', 'Ki', 'Gi', 'Ki'], ['재', 'Chae', 'Jae', 'Jae'],
  ['무', 'Mu', 'Mu', 'Moo'], ['필', "P'il", 'Pil', 'Pil'], ['동', 'Tong', 'Dong', 'Dong'], ['춘', "Ch'un", 'Chun', 'Chun'],
  ['미', 'Mi', 'Mi', 'Mi'], ['란', 'Ran', 'Ran', 'Ran'], ['송', 'Song', 'Song', 'Song'], ['금', "Ku'm", 'Geum', 'Keum'],
];
const skel = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '').replace(/[aeiouwy]/g, '');
function koreanName() {
  const s = pick(K_SURNAMES);
  const g1 = pick(K_SYLLABLES);
  let g2 = pick(K_SYLLABLES);
  while (g2 === g1) g2 = pick(K_SYLLABLES);
  return { s, g: [g1, g2] };
}
const noApos = (x: string) => x.replace(/'/g, '');
const listedMR = (n: ReturnType<typeof koreanName>, apos: boolean) => {
  const f = (x: string) => (apos ? x : noApos(x));
  return `${f(n.s[1]).toUpperCase()}, ${f(n.g[0][1])} ${pick([' ', '-'])}${f(n.g[1][1]).toLowerCase()}`.replace('  ', ' ').replace(' -', '-');
};
const givenForm = (a: string, b: string) => pick([`${a} ${b}`, `${a}-${b.toLowerCase()}`, `${a}${b.toLowerCase()}`]);
for (let i = 0; i < 350; i++) {
  const n = koreanName();
  const listed = listedMR(n, rand() < 0.5);
  const hangul = n.s[0] + n.g[0][0] + n.g[1][0];
  add('hangul', 'Person', hangul, listed, true, 'Hangul vs OFAC McCune–Reischauer');
  add('hangul', 'Person', `${n.s[2]} ${givenForm(n.g[0][2], n.g[1][2])}`, listed, true, 'Revised Romanization vs MR');
  add('hangul', 'Person', `${n.s[3]} ${givenForm(n.g[0][3], n.g[1][3])}`, listed, true, 'South Korean habit vs MR');
  add('hangul', 'Person', `${noApos(n.s[1])} ${givenForm(noApos(n.g[0][1]), noApos(n.g[1][1]))}`, listed, true, 'MR without apostrophes');
  // Negatives: one given syllable or the surname replaced by one that sounds different.
  const other = { s: n.s, g: n.g.slice() as typeof n.g };
  const k = Math.floor(rand() * 2);
  let r = pick(K_SYLLABLES);
  while (skel(r[1]) === skel(n.g[k][1]) || r === n.g[1 - k]) r = pick(K_SYLLABLES);
  other.g[k] = r;
  add('hangul', 'Person', pick([other.s[0] + other.g[0][0] + other.g[1][0], `${other.s[3]} ${givenForm(other.g[0][3], other.g[1][3])}`]), listed, false, 'another given name');
  let s2 = pick(K_SURNAMES);
  while (skel(s2[1]) === skel(n.s[1])) s2 = pick(K_SURNAMES);
  add('hangul', 'Person', `${s2[3]} ${givenForm(n.g[0][3], n.g[1][3])}`, listed, false, 'another surname');
}

// ---------- Russian: Cyrillic and the transliterations people use (tables written here) ----------
const BGN: Record<string, string> = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya' };
const DE: Record<string, string> = { ...BGN, в: 'w', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja', ё: 'jo' };
const FR: Record<string, string> = { ...BGN, ж: 'j', й: 'i', у: 'ou', х: 'kh', ч: 'tch', ш: 'ch', щ: 'chtch', ю: 'iou', я: 'ia', ё: 'io' };
const ISO: Record<string, string> = { ...BGN, ж: 'ž', й: 'j', х: 'h', ц: 'c', ч: 'č', ш: 'š', щ: 'ŝ', ю: 'û', я: 'â', ё: 'ë', ы: 'y', ъ: 'ʺ', ь: 'ʹ' };
function translit(s: string, t: Record<string, string>, iotate = true): string {
  let out = '';
  const ch = [...s.toLowerCase()];
  ch.forEach((c, i) => {
    const prev = ch[i - 1];
    if (c === 'е' && iotate && (i === 0 || 'аеёиоуыэюяьъ '.includes(prev))) out += t === DE ? 'je' : t === FR ? 'ie' : 'ye';
    else if (c === 'й' && i === ch.length - 1 && prev === 'и' && t !== ISO) out += t === BGN ? 'y' : '';
    else out += t[c] ?? c;
  });
  return out.replace(/(^|\s)\S/g, (m) => m.toUpperCase());
}
const RU_MALE = ['Евгений', 'Сергей', 'Алексей', 'Андрей', 'Дмитрий', 'Юрий', 'Пётр', 'Михаил', 'Николай', 'Владимир', 'Виктор', 'Олег', 'Игорь', 'Валерий', 'Геннадий', 'Аркадий', 'Константин', 'Борис', 'Григорий', 'Фёдор', 'Вячеслав', 'Артём', 'Илья', 'Тимур', 'Руслан', 'Станислав', 'Денис', 'Максим', 'Кирилл', 'Роман'];
const RU_SURNAMES = ['Пригожин', 'Лавров', 'Бычков', 'Захаров', 'Сербин', 'Шойгу', 'Ротенберг', 'Ковальчук', 'Тимченко', 'Дерипаска', 'Вексельберг', 'Усманов', 'Абрамович', 'Сечин', 'Патрушев', 'Нарышкин', 'Бортников', 'Медведев', 'Песков', 'Чемезов', 'Костин', 'Миллер', 'Греф', 'Шувалов', 'Кириенко', 'Володин', 'Матвиенко', 'Собянин', 'Золотов', 'Мишустин', 'Белоусов', 'Герасимов', 'Уткин', 'Малькевич', 'Кузнецов', 'Смирнов', 'Соколов', 'Попов', 'Лебедев', 'Новиков', 'Морозов', 'Волков', 'Соловьёв', 'Васильев', 'Зайцев', 'Павлов', 'Семёнов', 'Голубев', 'Виноградов', 'Богданов', 'Воробьёв', 'Фёдоров', 'Михайлов', 'Беляев', 'Тарасов', 'Белов', 'Комаров', 'Орлов', 'Киселёв', 'Макаров', 'Андреев', 'Ковалёв', 'Ильин', 'Гусев', 'Титов', 'Кузьмин', 'Кудрявцев', 'Баранов', 'Куликов', 'Алексеев', 'Степанов', 'Яковлев', 'Сорокин', 'Сергеев', 'Романов', 'Крылов', 'Максимов', 'Сидоров', 'Осипов', 'Белоусов', 'Фролов', 'Журавлёв', 'Николаев', 'Щербаков', 'Жуков', 'Чернов'];
const patronymic = (first: string) => {
  const stem = first.replace(/ий$/, '').replace(/ей$/, 'е').replace(/й$/, '');
  if (/ий$/.test(first)) return stem + 'ьевич';
  if (/[ей]$/.test(first)) return stem + 'евич';
  return first + 'ович';
};
for (let i = 0; i < 350; i++) {
  const f = pick(RU_MALE);
  const s = pick(RU_SURNAMES);
  const full = `${f} ${s}`;
  const listed = `${translit(s, BGN).toUpperCase()}, ${translit(f, BGN)}${rand() < 0.5 ? ' ' + translit(patronymic(f), BGN) : ''}`;
  add('cyrillic', 'Person', pick([full, `${s} ${f} ${patronymic(f)}`, `${f} ${patronymic(f)} ${s}`]), listed, true, 'Cyrillic vs BGN/PCGN');
  add('cyrillic', 'Person', translit(full, DE), listed, true, 'German transliteration vs BGN');
  add('cyrillic', 'Person', translit(full, FR), listed, true, 'French transliteration vs BGN');
  add('cyrillic', 'Person', translit(full, ISO, false), listed, true, 'ISO 9 vs BGN');
  let f2 = pick(RU_MALE);
  while (f2 === f) f2 = pick(RU_MALE);
  add('cyrillic', 'Person', pick([`${f2} ${s}`, translit(`${f2} ${s}`, pick([BGN, DE, FR]))]), listed, false, 'same surname, another given name');
  let s2 = pick(RU_SURNAMES);
  while (s2 === s || s2.replace(/ё/g, 'е') === s.replace(/ё/g, 'е')) s2 = pick(RU_SURNAMES);
  add('cyrillic', 'Person', pick([`${f} ${s2}`, translit(`${f} ${s2}`, pick([BGN, DE, FR]))]), listed, false, 'same given name, another surname');
  if (/[вн]$/.test(s)) {
    const fem = pick(['Анна', 'Мария', 'Елена', 'Ольга', 'Наталья', 'Полина', 'Татьяна', 'Ирина']);
    add('cyrillic', 'Person', translit(`${fem} ${s}а`, BGN), listed, false, 'a woman of the same family (feminine surname)');
  }
}

// ---------- Chinese: Han, Pinyin, Wade–Giles (tables written here) ----------
// [Han, Pinyin, Wade–Giles without tone marks]
const HAN_S: [string, string, string][] = [
  ['张', 'Zhang', 'Chang'], ['王', 'Wang', 'Wang'], ['李', 'Li', 'Li'], ['刘', 'Liu', 'Liu'], ['陈', 'Chen', "Ch'en"], ['杨', 'Yang', 'Yang'],
  ['赵', 'Zhao', 'Chao'], ['黄', 'Huang', 'Huang'], ['周', 'Zhou', 'Chou'], ['吴', 'Wu', 'Wu'], ['徐', 'Xu', 'Hsu'], ['孙', 'Sun', 'Sun'],
  ['朱', 'Zhu', 'Chu'], ['马', 'Ma', 'Ma'], ['胡', 'Hu', 'Hu'], ['郭', 'Guo', 'Kuo'], ['林', 'Lin', 'Lin'], ['何', 'He', 'Ho'],
  ['高', 'Gao', 'Kao'], ['谢', 'Xie', 'Hsieh'], ['曹', 'Cao', "Ts'ao"], ['邓', 'Deng', 'Teng'], ['蔡', 'Cai', "Ts'ai"], ['蒋', 'Jiang', 'Chiang'],
  ['习', 'Xi', 'Hsi'], ['钱', 'Qian', "Ch'ien"], ['任', 'Ren', 'Jen'], ['曾', 'Zeng', 'Tseng'],
];
const HAN_G: [string, string, string][] = [
  ['伟', 'wei', 'wei'], ['明', 'ming', 'ming'], ['华', 'hua', 'hua'], ['建', 'jian', 'chien'], ['国', 'guo', 'kuo'], ['军', 'jun', 'chün'],
  ['平', 'ping', "p'ing"], ['强', 'qiang', "ch'iang"], ['东', 'dong', 'tung'], ['文', 'wen', 'wen'], ['海', 'hai', 'hai'], ['志', 'zhi', 'chih'],
  ['永', 'yong', 'yung'], ['春', 'chun', "ch'un"], ['新', 'xin', 'hsin'], ['光', 'guang', 'kuang'], ['德', 'de', 'te'], ['云', 'yun', 'yün'],
  ['金', 'jin', 'chin'], ['庆', 'qing', "ch'ing"], ['龙', 'long', 'lung'], ['荣', 'rong', 'jung'], ['成', 'cheng', "ch'eng"], ['小', 'xiao', 'hsiao'],
];
for (let i = 0; i < 200; i++) {
  const s = pick(HAN_S);
  const g1 = pick(HAN_G);
  let g2 = pick(HAN_G);
  while (g2 === g1) g2 = pick(HAN_G);
  const two = rand() < 0.6;
  const han = s[0] + g1[0] + (two ? g2[0] : '');
  const py = `${s[1]} ${g1[1][0].toUpperCase()}${g1[1].slice(1)}${two ? g2[1] : ''}`;
  const wg = `${s[2]} ${g1[2][0].toUpperCase()}${g1[2].slice(1)}${two ? '-' + g2[2] : ''}`;
  const listed = `${s[1].toUpperCase()}, ${g1[1][0].toUpperCase()}${g1[1].slice(1)}${two ? g2[1] : ''}`;
  add('han', 'Person', han, listed, true, 'Han vs Pinyin');
  add('han', 'Person', wg, listed, true, 'Wade–Giles vs Pinyin');
  add('han', 'Person', py, `${s[2]} ${g1[2]}${two ? '-' + g2[2] : ''}`, true, 'Pinyin vs Wade–Giles');
  let g3 = pick(HAN_G);
  while (g3 === g1 || g3 === g2) g3 = pick(HAN_G);
  add('han', 'Person', s[0] + g3[0] + (two ? g2[0] : ''), listed, false, 'another given name');
}

// ---------- Arabic names in Latin (spellings people use) ----------
const AR_GIVEN: string[][] = [
  ['Muhammad', 'Mohammed', 'Mohamed', 'Mohammad'], ['Ahmad', 'Ahmed'], ['Husayn', 'Hussein', 'Hussain'], ['Umar', 'Omar'],
  ['Yusuf', 'Youssef', 'Yousef'], ['Abd al-Rahman', 'Abdul Rahman', 'Abdelrahman', 'Abdurrahman'], ['Abdullah', 'Abdallah'],
  ['Khalid', 'Khaled'], ['Mustafa', 'Moustafa', 'Mostafa'], ['Ibrahim', 'Ebrahim'], ['Uthman', 'Othman', 'Osman'],
  ['Abd al-Aziz', 'Abdul Aziz', 'Abdelaziz'], ['Sulayman', 'Suleiman', 'Sulaiman'], ['Hasan', 'Hassan'], ['Jafar', 'Jaafar'],
];
const AR_FAMILY: string[][] = [
  ['al-Hashimi', 'Al Hashimi', 'el-Hachemi'], ['al-Tikriti', 'Al Tikriti', 'Tikriti'], ['al-Baghdadi', 'Al Baghdadi', 'el-Baghdadi'],
  ['al-Zawahiri', 'Al Zawahiri', 'el-Zawahry'], ['al-Masri', 'Al Masri', 'el-Masry'], ['Qasim', 'Kassem', 'Qassem'],
  ['al-Shami', 'Al Shami', 'ash-Shami'], ['Haqqani', 'Haqani'], ['al-Amiri', 'Al Ameri'], ['al-Douri', 'Al Duri', 'al-Duri'],
  ['Nasrallah', 'Nasrullah', 'Nasr Allah'], ['al-Rawi', 'Al Rawi', 'ar-Rawi'],
];
for (let i = 0; i < 250; i++) {
  const g = pick(AR_GIVEN);
  const f = pick(AR_FAMILY);
  const father = pick(AR_GIVEN);
  const listed = `${g[0]} ${rand() < 0.4 ? father[0] + ' ' : ''}${f[0]}`;
  add('arabic', 'Person', `${pick(g)} ${pick(f)}`, listed, true, 'Arabic name spelling variants');
  let g2 = pick(AR_GIVEN);
  while (g2 === g) g2 = pick(AR_GIVEN);
  add('arabic', 'Person', `${pick(g2)} ${pick(f)}`, listed, false, 'another given name');
  let f2 = pick(AR_FAMILY);
  while (f2 === f) f2 = pick(AR_FAMILY);
  add('arabic', 'Person', `${pick(g)} ${pick(f2)}`, `${g[0]} ${f[0]}`, false, 'another family name');
}

// ---------- legal forms ----------
const FORMS: [string, string[]][] = [
  ['LLC', ['OOO', 'Limited Liability Company', 'L.L.C.']], ['JSC', ['AO', 'Joint Stock Company', 'АО']], ['Co. Ltd', ['Company Limited', 'Co., Ltd.', 'Limited']],
  ['Corporation', ['Corp.', 'Corp', 'Inc.']],
];
for (const e of shuffle(orgs.slice()).slice(0, 250)) {
  const base = e.properties.name[0].replace(/,?\s*(LLC|OOO|LTD\.?|LIMITED|JSC|AO|CO\.?,? LTD\.?|CORP(ORATION)?\.?|INC\.?|COMPANY)$/i, '').replace(/,\s*$/, '');
  if (base.split(' ').length < 1 || base.length < 4) continue;
  const [form, alts] = pick(FORMS);
  add('legal-form', 'Company', `${base} ${form}`, `${pick(alts)} ${base}`, true, `legal form ${form} written another way`);
}

// ---------- easy negatives: unrelated listed names ----------
for (let i = 0; i < 300; i++) {
  const a = pick(persons);
  const b = pick(persons);
  if (a !== b) add('unrelated', 'Person', natural(a.properties.name[0]), b.properties.name[0], false, 'random pair of listed people');
}

// ---------- Korean in Russian Cyrillic (tables written here, not the matcher's) ----------
// Each Korean syllable of the tables above as Russian writes it: Kontsevich first, then the older
// habit of Russian media where it differs (Чен for 정, Ир for 일, Ли for 리, Цой for 최).
const K_CYRILLIC: Record<string, string[]> = {
  김: ['Ким'], 리: ['Ри', 'Ли'], 박: ['Пак'], 최: ['Чхве', 'Цой'], 정: ['Чон', 'Чен'], 강: ['Кан'], 조: ['Чо'], 윤: ['Юн'], 장: ['Чан'],
  림: ['Рим', 'Лим'], 한: ['Хан'], 오: ['О'], 신: ['Син'], 황: ['Хван'], 안: ['Ан'], 송: ['Сон'], 류: ['Рю', 'Лю'], 홍: ['Хон'], 전: ['Чон'],
  고: ['Ко'], 문: ['Мун'], 량: ['Рян'], 손: ['Сон'], 배: ['Пэ'], 백: ['Пэк'], 허: ['Хо'], 남: ['Нам'], 로: ['Ро'], 현: ['Хён'], 방: ['Пан'],
  주: ['Чу', 'Чжу'], 렴: ['Рём'], 은: ['Ын'], 영: ['Ён', 'Ен'], 철: ['Чхоль'], 혁: ['Хёк'], 호: ['Хо'], 일: ['Иль', 'Ир'], 성: ['Сон', 'Сен'],
  수: ['Су'], 민: ['Мин'], 광: ['Кван'], 명: ['Мён'], 룡: ['Рён'], 준: ['Чжун', 'Чун'], 석: ['Сок'], 훈: ['Хун'], 희: ['Хый', 'Хи'], 순: ['Сун'],
  국: ['Кук'], 진: ['Чжин', 'Чин'], 경: ['Кён'], 봉: ['Пон'], 식: ['Сик'], 학: ['Хак'], 원: ['Вон'], 덕: ['Ток'], 혜: ['Хе'], 옥: ['Ок'],
  향: ['Хян'], 길: ['Киль'], 택: ['Тхэк'], 범: ['Пом'], 복: ['Пок'], 태: ['Тхэ'], 창: ['Чхан'], 상: ['Сан'], 기: ['Ки'], 재: ['Чжэ', 'Чэ'],
  무: ['Му'], 필: ['Пхиль'], 동: ['Тон'], 춘: ['Чхун'], 미: ['Ми'], 란: ['Ран'], 금: ['Кым'],
};
const cyr = (h: string) => pick(K_CYRILLIC[h]);
for (let i = 0; i < 250; i++) {
  const n = koreanName();
  const listed = listedMR(n, rand() < 0.5);
  const given = (a: string, b: string) => pick([`${a} ${b}`, `${a}-${b.toLowerCase()}`, `${a} ${b.toLowerCase()}`]);
  add('korean-cyrillic', 'Person', `${cyr(n.s[0])} ${given(cyr(n.g[0][0]), cyr(n.g[1][0]))}`, listed, true, 'Russian Cyrillic (Kontsevich or older habit) vs OFAC MR');
  const k = Math.floor(rand() * 2);
  let r = pick(K_SYLLABLES);
  while (skel(r[1]) === skel(n.g[k][1]) || r === n.g[1 - k]) r = pick(K_SYLLABLES);
  const g = n.g.slice();
  g[k] = r;
  add('korean-cyrillic', 'Person', `${cyr(n.s[0])} ${given(cyr(g[0][0]), cyr(g[1][0]))}`, listed, false, 'Cyrillic, another given name');
}

const out = stringify(rows.map((r) => ({ ...r, is_match: String(r.is_match) })), { header: true, columns: ['schema', 'name1', 'name2', 'is_match', 'note', 'category'] });
writeFileSync(new URL('./pairs.csv', import.meta.url), out);
const cats = new Map<string, [number, number]>();
for (const r of rows) {
  const c = cats.get(r.category) ?? [0, 0];
  c[r.is_match ? 0 : 1]++;
  cats.set(r.category, c);
}
console.log(`${rows.length} pairs`);
for (const [c, [p, n]] of cats) console.log(`${c.padEnd(24)} ${p} positive, ${n} negative`);
