// Pinyin (toneless) of the Han characters Chinese uses to write foreign names by sound, as in the
// transliteration tables of Xinhua's "Names of the World's Peoples" (世界人名翻译大辞典) and
// GB/T 17693 (贝拉克·奥巴马, 弗拉基米尔·普京). Only characters missing from han-pinyin.ts; written
// for this project. Format as there: `pinyin:characters`.
export const HAN_FOREIGN_TABLE = `
ai:埃 ao:澳 bai:拜 bi:比彼 bu:布 di:蒂 duo:多 e:厄 fu:弗 gai:盖 gang:冈 ge:哥 gen:根 gong:贡 gua:瓜 gui:圭
he:赫 heng:亨 jia:加 ka:卡 kan:坎 kao:考 ken:肯 ku:库 kua:夸 kui:奎 la:拉 lai:莱 le:勒 li:里 ma:玛 mai:迈
mang:芒 men:门 mo:默 mu:姆 na:纳 nai:奈 nei:内 ni:尼 nie:涅 niu:纽 nu:努 nuo:诺 pa:帕 pai:派 pi:皮 po:珀
qia:恰 qie:切 rang:让 re:热 ru:茹 ruo:若 sa:萨 sai:塞赛 se:瑟 she:舍 shi:什 ta:塔 tan:坦 te:特 ti:提
ting:汀廷 tuo:托 wa:瓦 xiu:休 xun:逊 yang:扬 ye:耶 yin:因 yue:约 zha:扎 zi:兹 zuo:佐
fu:夫芙 wa:娃 ya:娅 sha:莎 fei:斐 si:丝 ci:茨 qi:契 jie:捷 de:得 han:翰 dun:顿 li:历
pu:普 jing:京 ke:克 ha:哈 mi:米 si:斯 ji:基 er:尔 luo:罗 lu:卢鲁 lun:伦 xi:希西锡 ya:亚雅 yi:伊
`;
