"""Every heritage site the seeds name (seed 000, section 5.5; seed 002).

UNESCO reference numbers, inscription years and criteria are those of the World Heritage
Centre; coordinates are a representative point of the property, rounded.
The Silk Roads Chang'an-Tianshan corridor is one transboundary property in three countries.
"""

SEED_000 = "seeds/000_df61f48d454260ef.txt"
SEED_002 = "seeds/002_75ff92d01225fd9a.txt"


def whc(ref):
    return f"https://whc.unesco.org/en/list/{ref}"


SITES = [
    {
        "slug": "imperial-palaces-beijing-shenyang",
        "name": "Imperial Palaces of the Ming and Qing Dynasties in Beijing and Shenyang",
        "name_ru": "Императорские дворцы династий Мин и Цин в Пекине и Шэньяне",
        "name_zh_hans": "北京及沈阳的明清皇家宫殿",
        "countries": ["CN"],
        "unesco_reference": "439bis",
        "category": "cultural",
        "criteria": "(i)(ii)(iii)(iv)",
        "year_inscribed": 1987,
        "latitude": "39.916300",
        "longitude": "116.397200",
        "region": "Beijing and Shenyang",
        "region_ru": "Пекин и Шэньян",
        "region_zh_hans": "北京、沈阳",
        "summary": "The Forbidden City in Beijing, seat of imperial power for five centuries, "
        "and the earlier Qing palace in Shenyang.",
        "description": "The Beijing palace, known as the Forbidden City, holds close to a "
        "thousand buildings with their furnishings and works of art, and served the Ming and "
        "Qing courts from the early fifteenth century to 1911. The Shenyang palace, added to "
        "the listing in 2004, shows the Manchu court's architecture before it moved to Beijing.",
        "official_url": whc(439),
        "source": f"{SEED_000} (the Forbidden City); {whc(439)}",
    },
    {
        "slug": "great-wall",
        "name": "The Great Wall",
        "name_ru": "Великая Китайская стена",
        "name_zh_hans": "长城",
        "countries": ["CN"],
        "unesco_reference": "438",
        "category": "cultural",
        "criteria": "(i)(ii)(iii)(iv)(vi)",
        "year_inscribed": 1987,
        "latitude": "40.359700",
        "longitude": "116.020000",
        "region": "Northern China (Badaling section near Beijing)",
        "region_ru": "Северный Китай (участок Бадалин под Пекином)",
        "region_zh_hans": "中国北方（北京八达岭段）",
        "summary": "Defensive walls built and rebuilt over some two thousand years across "
        "northern China.",
        "description": "Begun as separate ramparts in the Warring States period, linked under "
        "the first Qin emperor and largely rebuilt in stone and brick under the Ming, the wall "
        "runs from the Bohai Sea towards the deserts of the west. It is the largest military "
        "structure in the world and a national symbol of China.",
        "official_url": whc(438),
        "source": f"{SEED_000}; {whc(438)}",
    },
    {
        "slug": "mausoleum-first-qin-emperor",
        "name": "Mausoleum of the First Qin Emperor",
        "name_ru": "Мавзолей первого императора династии Цинь",
        "name_zh_hans": "秦始皇陵及兵马俑坑",
        "countries": ["CN"],
        "unesco_reference": "441",
        "category": "cultural",
        "criteria": "(i)(iii)(iv)(vi)",
        "year_inscribed": 1987,
        "latitude": "34.381000",
        "longitude": "109.254000",
        "region": "Lintong, near Xi'an, Shaanxi",
        "region_ru": "Линьтун, близ Сианя, провинция Шэньси",
        "region_zh_hans": "陕西省西安市临潼区",
        "summary": "The burial mound of Qin Shi Huang, first emperor of a unified China, with "
        "its army of terracotta warriors.",
        "description": "The emperor, who died in 210 BC, lies under an unexcavated mound "
        "surrounded by pits. Since their discovery in 1974 the pits have yielded thousands of "
        "life-size clay soldiers and horses, each modelled individually, along with bronze "
        "chariots and weapons.",
        "official_url": whc(441),
        "source": f"{SEED_000}; {whc(441)}",
    },
    {
        "slug": "kremlin-and-red-square",
        "name": "Kremlin and Red Square, Moscow",
        "name_ru": "Московский Кремль и Красная площадь",
        "name_zh_hans": "莫斯科克里姆林宫和红场",
        "countries": ["RU"],
        "unesco_reference": "545",
        "category": "cultural",
        "criteria": "(i)(ii)(iv)(vi)",
        "year_inscribed": 1990,
        "latitude": "55.752000",
        "longitude": "37.618000",
        "region": "Moscow",
        "region_ru": "Москва",
        "region_zh_hans": "莫斯科",
        "summary": "The fortified heart of Moscow and the square beside it, with St Basil's "
        "Cathedral.",
        "description": "Within walls rebuilt by Italian masters at the end of the fifteenth "
        "century stand the cathedrals where the tsars were crowned and buried, and palaces of "
        "several eras. On Red Square, below the eastern wall, rises the Cathedral of the "
        "Intercession, better known as St Basil's.",
        "official_url": whc(545),
        "source": f"{SEED_000}; {whc(545)}",
    },
    {
        "slug": "historic-centre-of-saint-petersburg",
        "name": "Historic Centre of Saint Petersburg and Related Groups of Monuments",
        "name_ru": "Исторический центр Санкт-Петербурга и связанные с ним группы памятников",
        "name_zh_hans": "圣彼得堡历史中心及其相关古迹群",
        "countries": ["RU"],
        "unesco_reference": "540",
        "category": "cultural",
        "criteria": "(i)(ii)(iv)(vi)",
        "year_inscribed": 1990,
        "latitude": "59.939000",
        "longitude": "30.316000",
        "region": "Saint Petersburg",
        "region_ru": "Санкт-Петербург",
        "region_zh_hans": "圣彼得堡",
        "summary": "Peter the Great's planned capital on the Neva, with the palace and park "
        "ensembles around it.",
        "description": "Founded in 1703, the city was laid out with canals, embankments and "
        "vistas, and built up in baroque and neoclassical styles. The listing also covers "
        "suburban residences such as Peterhof, Tsarskoye Selo and Pavlovsk.",
        "official_url": whc(540),
        "source": f"{SEED_000}; {whc(540)}",
    },
    {
        "slug": "historic-sites-of-taraz",
        "name": "Historic Sites of Taraz",
        "name_ru": "Исторические памятники Тараза",
        "name_zh_hans": "塔拉兹历史遗迹",
        "countries": ["KZ"],
        "unesco_reference": "",
        "unesco_status": "not_listed",
        "category": "cultural",
        "criteria": "",
        "year_inscribed": None,
        "latitude": "42.900000",
        "longitude": "71.366000",
        "region": "Taraz, Zhambyl Region",
        "region_ru": "Тараз, Жамбылская область",
        "region_zh_hans": "江布尔州塔拉兹",
        "summary": "Medieval monuments of one of the oldest towns of Kazakhstan, a Silk Road "
        "stop in the Talas valley.",
        "description": "Taraz grew on the route between the Syr Darya and the Zhetysu region. "
        "It has no World Heritage listing of its own, but several components of the Silk "
        "Roads Chang'an-Tianshan corridor, among them Akyrtas, Kostobe, Kulan and Ornek, lie "
        "in the surrounding Zhambyl Region.",
        "source": f"{SEED_000} (names the historic sites of Taraz); not a separate World "
        f"Heritage property, see {whc(1442)}",
    },
    {
        "slug": "sulaiman-too-sacred-mountain",
        "name": "Sulaiman-Too Sacred Mountain",
        "name_ru": "Священная гора Сулайман-Тоо",
        "name_zh_hans": "苏莱曼-图圣山",
        "countries": ["KG"],
        "unesco_reference": "1230rev",
        "category": "cultural",
        "criteria": "(iii)(vi)",
        "year_inscribed": 2009,
        "latitude": "40.530000",
        "longitude": "72.783000",
        "region": "Osh",
        "region_ru": "Ош",
        "region_zh_hans": "奥什",
        "summary": "A five-peaked mountain above the city of Osh, a place of worship for more "
        "than a millennium.",
        "description": "The mountain rose over a crossroads of Central Asian routes. Its slopes "
        "carry petroglyphs, shrines, paths and two restored sixteenth-century mosques, and it "
        "remains a place of pilgrimage that mixes Islamic and older beliefs.",
        "official_url": whc(1230),
        "source": f"{SEED_000}; {whc(1230)}",
    },
    {
        "slug": "moenjodaro",
        "name": "Archaeological Ruins at Moenjodaro",
        "name_ru": "Археологические руины в Мохенджо-Даро",
        "name_zh_hans": "摩亨佐达罗考古遗址",
        "countries": ["PK"],
        "unesco_reference": "138",
        "category": "cultural",
        "criteria": "(ii)(iii)",
        "year_inscribed": 1980,
        "latitude": "27.329000",
        "longitude": "68.138000",
        "region": "Larkana District, Sindh",
        "region_ru": "округ Ларкана, провинция Синд",
        "region_zh_hans": "信德省拉尔卡纳县",
        "summary": "A planned city of the Indus civilisation, built of fired brick in the third "
        "millennium BC.",
        "description": "The ruins on the right bank of the Indus show a raised citadel with "
        "the Great Bath and a lower town laid out on a grid, with drains, wells and houses. "
        "They are among the best preserved urban remains of the Bronze Age in South Asia.",
        "official_url": whc(138),
        "source": f"{SEED_000}; {whc(138)}",
    },
    {
        "slug": "samarkand-crossroads-of-cultures",
        "name": "Samarkand – Crossroad of Cultures",
        "name_ru": "Самарканд – перекресток культур",
        "name_zh_hans": "撒马尔罕－文化交汇之地",
        "countries": ["UZ"],
        "unesco_reference": "603rev",
        "category": "cultural",
        "criteria": "(i)(ii)(iv)",
        "year_inscribed": 2001,
        "latitude": "39.654700",
        "longitude": "66.975800",
        "region": "Samarkand",
        "region_ru": "Самарканд",
        "region_zh_hans": "撒马尔罕",
        "summary": "The Silk Road city of Afrasiab and of Timur's capital, with the Registan "
        "and the Shah-i-Zinda necropolis.",
        "description": "The listing spans the ancient site of Afrasiab, the Timurid city of "
        "the fourteenth and fifteenth centuries and later quarters. Its tiled madrasahs, "
        "mosques and mausolea shaped Islamic architecture from the Mediterranean to India.",
        "official_url": whc(603),
        "source": f"{SEED_000}; {whc(603)}",
    },
    {
        "slug": "historic-centre-of-bukhara",
        "name": "Historic Centre of Bukhara",
        "name_ru": "Исторический центр Бухары",
        "name_zh_hans": "布哈拉历史中心",
        "countries": ["UZ"],
        "unesco_reference": "602bis",
        "category": "cultural",
        "criteria": "(ii)(iv)(vi)",
        "year_inscribed": 1993,
        "latitude": "39.775000",
        "longitude": "64.415000",
        "region": "Bukhara",
        "region_ru": "Бухара",
        "region_zh_hans": "布哈拉",
        "summary": "A medieval Central Asian city whose old town keeps its street pattern and "
        "many monuments.",
        "description": "More than two thousand years old, Bukhara was a centre of Islamic "
        "learning. The Samanid mausoleum of the tenth century, the Kalyan minaret and the "
        "madrasahs and trading domes of later centuries stand within a largely intact urban "
        "fabric.",
        "official_url": whc(602),
        "source": f"{SEED_000}; {whc(602)}",
    },
    {
        "slug": "itchan-kala",
        "name": "Itchan Kala",
        "name_ru": "Ичан-Кала",
        "name_zh_hans": "伊钦卡拉内城",
        "countries": ["UZ"],
        "unesco_reference": "543",
        "category": "cultural",
        "criteria": "(iii)(iv)(v)",
        "year_inscribed": 1990,
        "latitude": "41.378000",
        "longitude": "60.364000",
        "region": "Khiva, Khorezm Region",
        "region_ru": "Хива, Хорезмская область",
        "region_zh_hans": "花拉子模州希瓦",
        "summary": "The walled inner town of Khiva, the last stop of caravans before the "
        "desert crossing to Iran.",
        "description": "Behind mud-brick walls stand mosques, madrasahs, palaces and the "
        "unfinished Kalta Minor minaret, most of them from the eighteenth and nineteenth "
        "centuries. China has supported restoration work here.",
        "official_url": whc(543),
        "source": f"{SEED_002} (restoration with Chinese support); {whc(543)}",
    },
    {
        "slug": "tajik-national-park",
        "name": "Tajik National Park (Mountains of the Pamirs)",
        "name_ru": "Таджикский национальный парк (Памирские горы)",
        "name_zh_hans": "塔吉克国家公园（帕米尔山脉）",
        "countries": ["TJ"],
        "unesco_reference": "1252rev",
        "category": "natural",
        "criteria": "(vii)(viii)",
        "year_inscribed": 2013,
        "latitude": "38.500000",
        "longitude": "72.750000",
        "region": "Gorno-Badakhshan, eastern Tajikistan",
        "region_ru": "Горно-Бадахшанская автономная область",
        "region_zh_hans": "戈尔诺-巴达赫尚自治州",
        "summary": "The high Pamir plateau and peaks, with the Fedchenko Glacier, the longest "
        "valley glacier outside the polar regions.",
        "description": "The park covers about 2.6 million hectares at the knot where the "
        "greatest ranges of Eurasia meet. Hundreds of glaciers and lakes, frequent earthquakes "
        "and very few people make it a reference for the study of mountain building; snow "
        "leopards and Marco Polo sheep live here.",
        "official_url": whc(1252),
        "source": f"{SEED_000} (Pamir National Park); {whc(1252)}",
    },
    {
        "slug": "sarazm",
        "name": "Proto-urban Site of Sarazm",
        "name_ru": "Протогородское поселение Саразм",
        "name_zh_hans": "萨拉子模原始城市遗址",
        "countries": ["TJ"],
        "unesco_reference": "1141rev",
        "category": "cultural",
        "criteria": "(ii)(iii)",
        "year_inscribed": 2010,
        "latitude": "39.514000",
        "longitude": "67.460000",
        "region": "Penjikent, Sughd Region",
        "region_ru": "Пенджикент, Согдийская область",
        "region_zh_hans": "索格特州彭吉肯特",
        "summary": "One of the earliest settlements of Central Asia, from the fourth to the "
        "late third millennium BC.",
        "description": "Sarazm grew in the Zeravshan valley as a mining and metal-working "
        "centre and traded with the steppe, Iran, the Indus valley and Turkmenistan. Its "
        "excavated houses, shrines and burials document the early rise of towns in the region.",
        "official_url": whc(1141),
        "source": f"{SEED_000}; {whc(1141)}",
    },
    {
        "slug": "nesvizh-radziwill-complex",
        "name": "Architectural, Residential and Cultural Complex of the Radziwill Family at "
        "Nesvizh",
        "name_ru": "Архитектурно-жилой и культурный комплекс рода Радзивиллов в Несвиже",
        "name_zh_hans": "涅斯维日的拉济维乌家族建筑、住宅和文化建筑群",
        "countries": ["BY"],
        "unesco_reference": "1196",
        "category": "cultural",
        "criteria": "(ii)(iv)(vi)",
        "year_inscribed": 2005,
        "latitude": "53.222800",
        "longitude": "26.691700",
        "region": "Nesvizh, Minsk Region",
        "region_ru": "Несвиж, Минская область",
        "region_zh_hans": "明斯克州涅斯维日",
        "summary": "The castle, church and town of the Radziwill princes, founded in the "
        "sixteenth century.",
        "description": "The residence of one of the great families of the Polish-Lithuanian "
        "Commonwealth, with a castle of ten connected buildings and the Corpus Christi church, "
        "an early example of baroque architecture in Central Europe.",
        "official_url": whc(1196),
        "source": f"{SEED_000} (Nesvizh Castle Complex); {whc(1196)}",
    },
    {
        "slug": "silk-roads-chang-an-tianshan-corridor",
        "name": "Silk Roads: the Routes Network of Chang'an-Tianshan Corridor",
        "name_ru": "Шёлковый путь: сеть маршрутов Чанъань-Тяньшаньского коридора",
        "name_zh_hans": "丝绸之路：长安－天山廊道的路网",
        "countries": ["CN", "KZ", "KG"],
        "unesco_reference": "1442",
        "category": "cultural",
        "criteria": "(ii)(iii)(v)(vi)",
        "year_inscribed": 2014,
        "latitude": "34.308600",
        "longitude": "108.858900",
        "region": "From Chang'an (Xi'an) to the Zhetysu region and the Chuy valley",
        "region_ru": "От Чанъаня (Сиань) до Жетысу и Чуйской долины",
        "region_zh_hans": "从长安（西安）到七河地区和楚河流域",
        "summary": "Thirty-three sites along some 5,000 km of Silk Road routes, nominated "
        "jointly by China, Kazakhstan and Kyrgyzstan.",
        "description": "Capitals, palaces, trading towns, Buddhist cave temples, beacon towers "
        "and tombs record the exchanges that ran from the Han and Tang capital Chang'an to "
        "Central Asia from the second century BC to the sixteenth century AD. One component, "
        "Navekat (Krasnaya Rechka) in Kyrgyzstan, has Buddhist temples restored with Chinese "
        "support.",
        "official_url": whc(1442),
        "source": f"{SEED_002} (joint application, 2014); {whc(1442)}",
    },
]
