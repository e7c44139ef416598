"""Controlled lists: the SCO University's seven priority areas, languages, fields of study."""

PRIORITY_AREAS = [
    {"slug": slug, "name": en, "name_ru": ru, "name_zh_hans": zh}
    for slug, en, ru, zh in [
        ("regional-studies", "Regional studies", "Регионоведение", "区域学"),
        ("ecology", "Ecology", "Экология", "生态学"),
        ("energy", "Energy", "Энергетика", "能源学"),
        ("it", "Information technology", "Информационные технологии", "信息技术"),
        ("nanotechnology", "Nanotechnology", "Нанотехнологии", "纳米技术"),
        ("economics", "Economics", "Экономика", "经济学"),
        ("pedagogy", "Pedagogy", "Педагогика", "教育学"),
    ]
]

LANGUAGES = [
    {"code": code, "slug": slug, "name": en, "name_ru": ru, "name_zh_hans": zh}
    for code, slug, en, ru, zh in [
        ("zh", "chinese", "Chinese", "Китайский", "中文"),
        ("ru", "russian", "Russian", "Русский", "俄语"),
        ("en", "english", "English", "Английский", "英语"),
        ("kk", "kazakh", "Kazakh", "Казахский", "哈萨克语"),
        ("ky", "kyrgyz", "Kyrgyz", "Киргизский", "吉尔吉斯语"),
        ("tg", "tajik", "Tajik", "Таджикский", "塔吉克语"),
        ("uz", "uzbek", "Uzbek", "Узбекский", "乌兹别克语"),
        ("hi", "hindi", "Hindi", "Хинди", "印地语"),
        ("ur", "urdu", "Urdu", "Урду", "乌尔都语"),
        ("fa", "persian", "Persian", "Персидский", "波斯语"),
        ("be", "belarusian", "Belarusian", "Белорусский", "白俄罗斯语"),
        ("mn", "mongolian", "Mongolian", "Монгольский", "蒙古语"),
    ]
]

FIELDS_OF_STUDY = [
    {"slug": slug, "name": en, "name_ru": ru, "name_zh_hans": zh}
    for slug, en, ru, zh in [
        (
            "chinese-language-culture",
            "Chinese language and culture",
            "Китайский язык и культура",
            "汉语与中国文化",
        ),
        (
            "international-relations",
            "International relations",
            "Международные отношения",
            "国际关系",
        ),
        ("regional-studies", "Regional studies", "Регионоведение", "区域学"),
        (
            "tourism-heritage",
            "Tourism and cultural heritage",
            "Туризм и культурное наследие",
            "旅游与文化遗产",
        ),
        (
            "archaeology-conservation",
            "Archaeology and conservation",
            "Археология и реставрация",
            "考古与文物保护",
        ),
        ("engineering", "Engineering", "Инженерное дело", "工程"),
        ("natural-sciences", "Natural sciences", "Естественные науки", "自然科学"),
        ("ecology", "Ecology and environment", "Экология и охрана окружающей среды", "生态与环境"),
        ("energy", "Energy", "Энергетика", "能源"),
        (
            "information-technology",
            "Information technology",
            "Информационные технологии",
            "信息技术",
        ),
        ("economics", "Economics", "Экономика", "经济学"),
        ("education", "Education and pedagogy", "Образование и педагогика", "教育学"),
        (
            "medicine",
            "Medicine and traditional medicine",
            "Медицина и традиционная медицина",
            "医学与传统医学",
        ),
        ("media-journalism", "Media and journalism", "Медиа и журналистика", "媒体与新闻"),
        ("arts", "Arts", "Искусство", "艺术"),
    ]
]
