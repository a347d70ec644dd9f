// Pinyin (toneless) of Han characters common in Chinese names: the surnames of the Hundred Family
// Surnames that are still frequent and the characters most used in given names and company names,
// simplified and traditional forms together. Written for this project from general knowledge of
// Mandarin; one reading per character (the one used in names, e.g. 曾 zeng, 单 shan, 解 xie).
// Format: `pinyin:characters` separated by spaces.
export const HAN_PINYIN_TABLE = `
a:阿 ai:爱愛艾 an:安 ang:昂 ao:敖奥奧傲
ba:巴 bai:白百柏 ban:班 bang:邦 bao:包宝寶保鲍鮑 bei:贝貝北 ben:本 bi:毕畢碧 bian:边邊卞 biao:彪 bin:彬斌宾賓滨濱 bing:冰兵炳 bo:博波柏伯勃 bu:步卜
cai:才财財蔡彩 can:灿燦 cang:苍蒼 cao:曹草 cen:岑 chang:常昌长長畅暢 chao:超朝潮晁 chen:陈陳晨辰臣 cheng:成程城诚誠承 chi:池迟遲 chong:崇 chu:楚储儲初 chuan:川传傳 chun:春纯純淳 ci:慈 cong:丛叢聪聰 cui:崔翠 cun:村
da:达達大 dai:戴代岱 dan:丹单單 dang:党黨 dao:道 de:德 deng:邓鄧登 di:狄迪笛 dian:殿 ding:丁定鼎 dong:董东東冬栋棟 dou:窦竇 du:杜都 duan:段端 dun:敦
e:鄂 en:恩 er:尔爾
fa:发發法 fan:范樊凡帆繁 fang:方房芳 fei:费費飞飛菲 fen:芬 feng:冯馮封丰豐风風峰锋鋒凤鳳 fu:付傅符福富甫伏扶
gan:甘干 gang:刚剛钢鋼 gao:高 ge:葛戈格 geng:耿 gong:龚龔宫宮功公 gu:顾顧古谷 guan:关關管冠 guang:光广廣 gui:桂贵貴 guo:郭国國果
ha:哈 hai:海 han:韩韓汉漢寒涵 hang:杭航 hao:郝浩豪好昊皓 he:何贺賀和河合 hei:黑 heng:恒衡 hong:洪红紅宏弘鸿鴻 hou:侯厚 hu:胡虎湖 hua:华華花 huai:怀懷 huan:欢歡焕煥 huang:黄黃皇 hui:慧辉輝惠会會 hun:魂 huo:霍火
ji:纪紀季吉姬冀计計济濟基纪继繼 jia:贾賈家佳嘉 jian:江建健坚堅剑劍简簡 jiang:姜蒋蔣江 jiao:焦娇嬌 jie:杰傑洁潔解节節 jin:金晋晉锦錦进進近津瑾 jing:景敬静靜晶京经經井 jiu:久 ju:鞠巨居菊 juan:娟 jun:军軍君俊骏駿峻
kai:凯凱开開楷 kang:康亢 ke:柯科克可 kong:孔 kou:寇 kuang:匡况況 kun:坤昆
lai:赖賴来來 lan:兰蘭蓝藍岚嵐 lang:郎朗 lao:劳勞 le:乐樂 lei:雷蕾磊垒 leng:冷 li:李黎厉厲利丽麗力理立礼禮莉 lian:连連廉莲蓮 liang:梁良亮 liao:廖辽遼 lin:林琳霖麟 ling:凌玲灵靈令 liu:刘劉柳六 long:龙龍隆 lou:楼樓娄婁 lu:卢盧陆陸路鲁魯吕呂禄祿 luan:栾欒 lun:伦倫 luo:罗羅骆駱洛
ma:马馬麻 mai:麦麥 man:满滿曼 mao:毛茂 mei:梅美 meng:孟蒙梦夢 mi:米 miao:苗妙 min:闵閔敏民 ming:明铭銘鸣鳴茗 mo:莫墨 mu:穆木慕牧
na:娜那 nan:南楠 ni:倪妮 nian:年 ning:宁寧凝 niu:牛 nong:农農
ou:欧歐
pan:潘盘盤 pang:庞龐 pei:裴培佩 peng:彭鹏鵬 ping:平萍 pu:蒲朴浦普
qi:齐齊戚祁琪齐奇启啟 qian:钱錢千谦謙 qiang:强強 qiao:乔喬桥橋 qin:秦琴勤钦欽 qing:青清庆慶晴卿 qiu:邱丘秋 qu:曲屈瞿 quan:全权權泉
ran:冉然 rao:饶饒 ren:任仁 rong:荣榮容蓉融 ru:如儒汝 ruan:阮 rui:瑞锐銳睿
sang:桑 sen:森 sha:沙 shan:山单單善珊 shang:尚商上 shao:邵少绍紹 shen:沈申深 sheng:盛生胜勝圣聖 shi:石史施时時世诗詩士实實 shou:寿壽守 shu:舒书書淑树樹 shuang:双雙爽 shui:水 shun:顺順舜 si:司思斯 song:宋松嵩 su:苏蘇素 sun:孙孫 suo:索
tai:太泰 tan:谭譚谈談 tang:唐汤湯堂 tao:陶涛濤桃 teng:滕腾騰 tian:田天添甜 tie:铁鐵 ting:婷庭 tong:童同通佟 tu:涂屠图圖
wan:万萬婉 wang:王汪旺 wei:魏韦韋卫衛伟偉威维維薇巍玮瑋 wen:文温溫闻聞 weng:翁 wo:沃 wu:吴吳武伍吾乌烏
xi:习習席西喜希熙锡錫 xia:夏霞 xian:冼贤賢先显顯仙 xiang:向项項祥香翔湘 xiao:萧蕭肖晓曉小孝 xie:谢謝解 xin:辛新欣信心鑫馨 xing:邢星兴興幸 xiong:熊雄 xiu:秀修 xu:徐许許胥旭 xuan:宣轩軒萱璇玄 xue:薛雪学學 xun:荀寻尋勋勳
ya:雅亚亞 yan:严嚴颜顏阎閻燕晏艳豔 yang:杨楊阳陽洋 yao:姚尧堯耀 ye:叶葉业業 yi:易伊义義毅艺藝益宜怡一亿億 yin:尹殷银銀 ying:英应應莹瑩颖穎鹰鷹 yong:永勇雍 you:尤游有友 yu:于余俞虞宇玉雨瑜禹鱼魚郁育钰鈺 yuan:袁元远遠源苑 yue:岳月越乐 yun:云雲运運芸
zang:臧 zeng:曾 zha:查 zhai:翟 zhan:詹展湛 zhang:张張章彰 zhao:赵趙昭照 zhe:哲 ze:泽澤则則 zhen:甄真珍振震 zheng:郑鄭正政征 zhi:智志支之治 zhong:钟鍾鐘仲中忠 zhou:周洲舟 zhu:朱祝诸諸竹珠 zhuang:庄莊壮壯 zhuo:卓 zi:子紫 zong:宗 zou:邹鄒 zu:祖 zuo:左
`;

/** Multi-character words of company names that translate rather than transliterate. */
export const HAN_ORG_WORDS: Record<string, string> = {
  有限公司: 'co ltd', 有限责任公司: 'limited liability company', 有限責任公司: 'limited liability company', 股份有限公司: 'co ltd',
  集团: 'group', 集團: 'group', 公司: 'company', 贸易: 'trading', 貿易: 'trading', 银行: 'bank', 銀行: 'bank',
  国际: 'international', 國際: 'international', 科技: 'technology', 海运: 'shipping', 海運: 'shipping', 航运: 'shipping',
  航運: 'shipping', 矿业: 'mining', 礦業: 'mining', 进出口: 'import export', 進出口: 'import export', 实业: 'industrial',
  實業: 'industrial', 控股: 'holdings', 物流: 'logistics', 电子: 'electronics', 電子: 'electronics', 能源: 'energy',
  石油: 'petroleum', 化工: 'chemical', 船务: 'shipping', 船務: 'shipping', 香港: 'hong kong', 中国: 'china', 中國: 'china',
  发展: 'development', 發展: 'development', 投资: 'investment', 投資: 'investment', 工业: 'industry', 工業: 'industry',
};
