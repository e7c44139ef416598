"""Universities: members of the SCO University network, and those the seeds name.

The SCO University is a network of more than 80 universities of the member states (seed 000).
`sco_university_member` is True only where membership is publicly documented by the network
and the university; which priority areas each member takes part in is illustrative, and the
source says so. No joining year is given, as it is not reliably documented.
"""

SEED_000 = "seeds/000_df61f48d454260ef.txt"
SEED_002 = "seeds/002_75ff92d01225fd9a.txt"
SEED_003 = "seeds/003_cfa81fa4a5e6cc22.txt"
NETWORK = "SCO University network member (network and university publications)"


def member(slug, names, country, cities, website, areas, description):
    """A SCO University network member; its priority areas are illustrative."""
    return {
        **_common(slug, names, country, cities, website, description),
        "sco_university_member": True,
        "priority_areas": areas,
        "source": f"{website}; {NETWORK}; priority areas illustrative",
    }


def university(slug, names, country, cities, website, description, source):
    """A university outside the network, or whose membership is not documented."""
    return {**_common(slug, names, country, cities, website, description), "source": source}


def _common(slug, names, country, cities, website, description):
    name, name_ru, name_zh = names
    city, city_ru, city_zh = cities
    return {
        "slug": slug,
        "name": name,
        "name_ru": name_ru,
        "name_zh_hans": name_zh,
        "country": country,
        "city": city,
        "city_ru": city_ru,
        "city_zh_hans": city_zh,
        "website": website,
        "description": description,
    }


MOSCOW = ("Moscow", "Москва", "莫斯科")
ALMATY = ("Almaty", "Алматы", "阿拉木图")
BISHKEK = ("Bishkek", "Бишкек", "比什凯克")
DUSHANBE = ("Dushanbe", "Душанбе", "杜尚别")

UNIVERSITIES = [
    member(
        "lomonosov-moscow-state-university",
        (
            "Lomonosov Moscow State University",
            "Московский государственный университет имени М. В. Ломоносова",
            "莫斯科国立罗蒙诺索夫大学",
        ),
        "RU",
        MOSCOW,
        "https://www.msu.ru/",
        ["regional-studies", "ecology", "it", "nanotechnology", "economics"],
        "Russia's oldest classical university, founded in 1755, and a Russian participant in "
        "the SCO University's joint master's programmes.",
    ),
    member(
        "saint-petersburg-state-university",
        (
            "Saint Petersburg State University",
            "Санкт-Петербургский государственный университет",
            "圣彼得堡国立大学",
        ),
        "RU",
        ("Saint Petersburg", "Санкт-Петербург", "圣彼得堡"),
        "https://spbu.ru/",
        ["regional-studies", "ecology", "economics"],
        "A classical university founded in 1724, with strong oriental and regional studies.",
    ),
    member(
        "ural-federal-university",
        (
            "Ural Federal University",
            "Уральский федеральный университет",
            "乌拉尔联邦大学",
        ),
        "RU",
        ("Yekaterinburg", "Екатеринбург", "叶卡捷琳堡"),
        "https://urfu.ru/",
        ["energy", "it", "regional-studies"],
        "A large technical and classical university in the Urals with many students from "
        "Central Asia and China.",
    ),
    member(
        "mgimo-university",
        (
            "MGIMO University",
            "МГИМО МИД России",
            "莫斯科国立国际关系学院",
        ),
        "RU",
        MOSCOW,
        "https://mgimo.ru/",
        ["regional-studies", "economics"],
        "The Moscow State Institute of International Relations, which trains diplomats and "
        "teaches the languages of every SCO state.",
    ),
    member(
        "rudn-university",
        (
            "Peoples' Friendship University of Russia (RUDN University)",
            "Российский университет дружбы народов",
            "俄罗斯人民友谊大学",
        ),
        "RU",
        MOSCOW,
        "https://www.rudn.ru/",
        ["ecology", "pedagogy"],
        "Founded in 1960 for students from Asia, Africa and Latin America; students from more "
        "than 150 countries study there.",
    ),
    member(
        "novosibirsk-state-university",
        (
            "Novosibirsk State University",
            "Новосибирский государственный университет",
            "新西伯利亚国立大学",
        ),
        "RU",
        ("Novosibirsk", "Новосибирск", "新西伯利亚"),
        "https://www.nsu.ru/",
        ["it", "nanotechnology"],
        "A research university at the heart of Akademgorodok, the science town of the Siberian "
        "branch of the Academy of Sciences.",
    ),
    member(
        "altai-state-university",
        (
            "Altai State University",
            "Алтайский государственный университет",
            "阿尔泰国立大学",
        ),
        "RU",
        ("Barnaul", "Барнаул", "巴尔瑙尔"),
        "https://www.asu.ru/",
        ["regional-studies", "ecology"],
        "A university in southern Siberia close to Kazakhstan, Mongolia and China, with a long "
        "record of Central Asian studies.",
    ),
    member(
        "al-farabi-kazakh-national-university",
        (
            "Al-Farabi Kazakh National University",
            "Казахский национальный университет имени аль-Фараби",
            "哈萨克斯坦阿里-法拉比国立大学",
        ),
        "KZ",
        ALMATY,
        "https://www.kaznu.kz/",
        ["regional-studies", "ecology", "energy", "it", "nanotechnology"],
        "Kazakhstan's leading classical university, founded in 1934 and named after the "
        "medieval philosopher al-Farabi.",
    ),
    member(
        "eurasian-national-university",
        (
            "L. N. Gumilyov Eurasian National University",
            "Евразийский национальный университет имени Л. Н. Гумилёва",
            "古米廖夫欧亚国立大学",
        ),
        "KZ",
        ("Astana", "Астана", "阿斯塔纳"),
        "https://enu.kz/",
        ["regional-studies", "it", "economics"],
        "A university of the capital, named after the historian Lev Gumilyov, with a large "
        "oriental studies faculty.",
    ),
    member(
        "abai-kazakh-national-pedagogical-university",
        (
            "Abai Kazakh National Pedagogical University",
            "Казахский национальный педагогический университет имени Абая",
            "阿拜哈萨克国立师范大学",
        ),
        "KZ",
        ALMATY,
        "https://www.kaznpu.kz/",
        ["pedagogy"],
        "The oldest teacher-training university of Kazakhstan, founded in 1928 and named after "
        "the poet Abai.",
    ),
    member(
        "kyrgyz-national-university",
        (
            "Jusup Balasagyn Kyrgyz National University",
            "Кыргызский национальный университет имени Жусупа Баласагына",
            "吉尔吉斯国立民族大学",
        ),
        "KG",
        BISHKEK,
        "https://knu.kg/",
        ["regional-studies", "ecology", "economics"],
        "Kyrgyzstan's first university, named after the eleventh-century poet of Balasagun.",
    ),
    member(
        "kyrgyz-russian-slavic-university",
        (
            "Kyrgyz-Russian Slavic University",
            "Кыргызско-Российский Славянский университет",
            "吉尔吉斯-俄罗斯斯拉夫大学",
        ),
        "KG",
        BISHKEK,
        "https://www.krsu.kg/",
        ["energy", "it"],
        "A joint Kyrgyz-Russian university founded in 1993, teaching mainly in Russian.",
    ),
    member(
        "tajik-national-university",
        (
            "Tajik National University",
            "Таджикский национальный университет",
            "塔吉克国立民族大学",
        ),
        "TJ",
        DUSHANBE,
        "https://tnu.tj/",
        ["regional-studies", "ecology", "economics"],
        "The largest university of Tajikistan, founded in 1947; it also hosts a Confucius "
        "Institute.",
    ),
    member(
        "russian-tajik-slavonic-university",
        (
            "Russian-Tajik Slavonic University",
            "Российско-Таджикский (Славянский) университет",
            "俄罗斯-塔吉克斯拉夫大学",
        ),
        "TJ",
        DUSHANBE,
        "https://rtsu.tj/",
        ["regional-studies", "pedagogy"],
        "A joint university of Russia and Tajikistan founded in 1996.",
    ),
    university(
        "tajik-technical-university",
        (
            "Tajik Technical University named after M. S. Osimi",
            "Таджикский технический университет имени академика М. С. Осими",
            "塔吉克斯坦奥西米技术大学",
        ),
        "TJ",
        DUSHANBE,
        "",
        "The main engineering university of Tajikistan, home of the country's Lu Ban workshop "
        "for vocational training built with Chinese partners.",
        f"{SEED_002} (Lu Ban workshop in Tajikistan); host university per public reports; "
        "SCO University membership not asserted",
    ),
    member(
        "lanzhou-university",
        ("Lanzhou University", "Ланьчжоуский университет", "兰州大学"),
        "CN",
        ("Lanzhou", "Ланьчжоу", "兰州"),
        "https://www.lzu.edu.cn/",
        ["ecology", "regional-studies", "energy"],
        "A national key university on the Gansu stretch of the old Silk Road, known for dryland "
        "ecology and Central Asian studies.",
    ),
    member(
        "dalian-university-of-foreign-languages",
        (
            "Dalian University of Foreign Languages",
            "Даляньский университет иностранных языков",
            "大连外国语大学",
        ),
        "CN",
        ("Dalian", "Далянь", "大连"),
        "https://www.dlufl.edu.cn/",
        ["regional-studies", "pedagogy"],
        "A language university with one of China's large Russian departments.",
    ),
    member(
        "harbin-institute-of-technology",
        (
            "Harbin Institute of Technology",
            "Харбинский политехнический университет",
            "哈尔滨工业大学",
        ),
        "CN",
        ("Harbin", "Харбин", "哈尔滨"),
        "https://www.hit.edu.cn/",
        ["it", "nanotechnology", "energy"],
        "A leading engineering university in north-east China, with long-standing ties to "
        "Russian technical universities.",
    ),
    member(
        "xinjiang-university",
        ("Xinjiang University", "Синьцзянский университет", "新疆大学"),
        "CN",
        ("Urumqi", "Урумчи", "乌鲁木齐"),
        "https://www.xju.edu.cn/",
        ["regional-studies", "ecology", "it"],
        "The main university of Xinjiang, bordering Kazakhstan, Kyrgyzstan and Tajikistan.",
    ),
    university(
        "jining-normal-university",
        ("Jining Normal University", "Цзининский педагогический университет", "集宁师范学院"),
        "CN",
        ("Ulanqab", "Уланчаб", "乌兰察布"),
        "",
        "A teacher-training university in Ulanqab, Inner Mongolia, whose School of Marxism "
        "studies the SCO.",
        f"{SEED_003} (author's affiliation); SCO University membership not asserted",
    ),
    university(
        "silk-road-international-university-of-tourism",
        (
            '"Silk Road" International University of Tourism and Cultural Heritage',
            "Международный университет туризма и культурного наследия «Шёлковый путь»",
            "“丝绸之路”国际旅游与文化遗产大学",
        ),
        "UZ",
        ("Samarkand", "Самарканд", "撒马尔罕"),
        "https://univ-silkroad.uz/",
        "A university in Samarkand devoted to tourism, hospitality and the care of cultural "
        "heritage; its researchers study cultural cooperation in the SCO.",
        f"{SEED_000} (authors' affiliation); SCO University membership not asserted",
    ),
    university(
        "university-of-world-economy-and-diplomacy",
        (
            "University of World Economy and Diplomacy",
            "Университет мировой экономики и дипломатии",
            "世界经济与外交大学",
        ),
        "UZ",
        ("Tashkent", "Ташкент", "塔什干"),
        "https://uwed.uz/",
        "Uzbekistan's university for international relations, economics and law, with doctoral "
        "research on the SCO.",
        f"{SEED_003} (author's affiliation); SCO University membership not asserted",
    ),
]
