"""Exchange programmes drawn from the seeds.

What the seeds state (the 3,000 summer-camp places, the 100 young scientists, the Lu Ban
workshop's courses...) is given as fact; dates, deadlines and the details of programmes that
the seeds only recommend are illustrative, and each record's source says which.
"""

from datetime import date

SEED_000 = "seeds/000_df61f48d454260ef.txt"
SEED_002 = "seeds/002_75ff92d01225fd9a.txt"
SEED_003 = "seeds/003_cfa81fa4a5e6cc22.txt"
SEED_004 = "seeds/004_ee419518eaa62471.txt"

MEMBERS = ["CN", "RU", "KZ", "KG", "TJ", "UZ", "IN", "PK", "IR", "BY"]
CENTRAL_ASIA_RU = ["RU", "KZ", "KG", "TJ", "UZ"]


def others(*codes, among=MEMBERS):
    return [code for code in among if code not in codes]


PROGRAMMES = [
    {
        "slug": "chinese-language-a-bridge-summer-camp",
        "title": "“Chinese Language – A Bridge” Summer Camp for SCO Countries",
        "title_ru": "Летний лагерь «Китайский язык – мост» для стран ШОС",
        "title_zh_hans": "上合组织国家“汉语桥”夏令营",
        "kind": "summer_school",
        "summary": "Summer camps in China for young people from SCO countries: 3,000 places "
        "over three years.",
        "description": "At the 23rd meeting of the SCO Council of Heads of State, China "
        "offered 3,000 places on its “Chinese Language – A Bridge” summer camp to the SCO "
        "countries over the following three years. Participants spend a few weeks in China "
        "with language classes, cultural workshops and visits. The figure of 3,000 is the "
        "three-year total.",
        "host_country": "CN",
        "partner_countries": others("CN"),
        "organiser": "Government of China (“Chinese Bridge” programme)",
        "organiser_ru": "Правительство КНР (программа «Китайский мост»)",
        "organiser_zh_hans": "中国政府（“汉语桥”项目）",
        "sector": "government",
        "level": "school_youth",
        "fields_of_study": ["chinese-language-culture"],
        "languages": ["zh"],
        "format": "in_person",
        "start_date": date(2027, 7, 5),
        "end_date": date(2027, 7, 25),
        "application_deadline": date(2027, 4, 15),
        "places": 3000,
        "funding": "partial",
        "heritage_sites": ["great-wall", "imperial-palaces-beijing-shenyang"],
        "source": f"{SEED_002} (3,000 places over three years); dates, funding and visits "
        "illustrative",
    },
    {
        "slug": "chinese-language-teaching-places",
        "title": "Chinese Language Teaching Places for SCO Countries",
        "title_ru": "Места для обучения китайскому языку для стран ШОС",
        "title_zh_hans": "面向上合组织国家的中文教学名额",
        "kind": "language_course",
        "summary": "1,000 places for Chinese language teaching offered by China to the SCO "
        "countries over three years.",
        "description": "Announced together with the summer camp places, these places support "
        "learning and teaching Chinese in the SCO countries. Admission runs continuously; "
        "courses combine online classes with periods of study in China.",
        "host_country": "CN",
        "partner_countries": others("CN"),
        "organiser": "Government of China",
        "organiser_ru": "Правительство КНР",
        "organiser_zh_hans": "中国政府",
        "sector": "government",
        "level": "open",
        "fields_of_study": ["chinese-language-culture", "education"],
        "languages": ["zh"],
        "format": "hybrid",
        "application_deadline": None,
        "places": 1000,
        "funding": "full",
        "source": f"{SEED_002} (1,000 places over three years); format, funding and rolling "
        "admission illustrative",
    },
    {
        "slug": "young-scientists-scientific-exchange",
        "title": "Scientific Exchange in China for 100 Young Scientists from SCO Countries",
        "title_ru": "Научная стажировка в Китае для 100 молодых учёных из стран ШОС",
        "title_zh_hans": "上合组织国家100名青年科学家来华科研交流",
        "kind": "research_fellowship",
        "summary": "Research stays in Chinese laboratories for 100 early-career scientists "
        "from SCO countries.",
        "description": "China announced that it would host 100 young scientists from the SCO "
        "countries for scientific exchange over three years. Fellows join research groups in "
        "Chinese universities and institutes for several months.",
        "host_country": "CN",
        "partner_countries": others("CN"),
        "host_universities": ["harbin-institute-of-technology", "lanzhou-university"],
        "organiser": "Government of China",
        "organiser_ru": "Правительство КНР",
        "organiser_zh_hans": "中国政府",
        "sector": "government",
        "level": "doctoral",
        "fields_of_study": ["natural-sciences", "engineering", "information-technology", "ecology"],
        "languages": ["en", "zh"],
        "format": "in_person",
        "start_date": date(2027, 3, 1),
        "end_date": date(2027, 8, 31),
        "application_deadline": date(2026, 12, 15),
        "places": 100,
        "funding": "full",
        "source": f"{SEED_002} (100 young scientists); host universities, dates and funding "
        "illustrative",
    },
    {
        "slug": "sco-youth-camp",
        "title": "SCO Youth Camp",
        "title_ru": "Молодёжный лагерь ШОС",
        "title_zh_hans": "上合组织青年营",
        "kind": "youth_camp",
        "summary": "A camp in China that brings together young people from every SCO country.",
        "description": "Part of China's support for non-governmental ties within the SCO: "
        "teenagers and students from the member states spend ten days together, with sport, "
        "workshops, performances and visits to historic sites.",
        "host_country": "CN",
        "partner_countries": others("CN"),
        "organiser": "Government of China",
        "organiser_ru": "Правительство КНР",
        "organiser_zh_hans": "中国政府",
        "sector": "government",
        "level": "school_youth",
        "languages": ["zh", "ru", "en"],
        "format": "in_person",
        "start_date": date(2027, 8, 10),
        "end_date": date(2027, 8, 20),
        "application_deadline": date(2027, 5, 31),
        "heritage_sites": ["silk-roads-chang-an-tianshan-corridor"],
        "source": f"{SEED_002} (SCO youth camps); dates, activities and site visits illustrative",
    },
    {
        "slug": "sco-youth-leaders-visit-china",
        "title": "Study Visit to China for SCO Youth Leaders",
        "title_ru": "Ознакомительная поездка в Китай для молодых лидеров стран ШОС",
        "title_zh_hans": "上合组织国家青年领袖访华",
        "kind": "training",
        "summary": "Young leaders from SCO countries visit China to meet their counterparts.",
        "description": "China invites youth leaders from the other SCO countries for short "
        "visits with meetings, seminars and trips, building a network of young people who "
        "know each other's countries.",
        "host_country": "CN",
        "partner_countries": others("CN"),
        "organiser": "Government of China",
        "organiser_ru": "Правительство КНР",
        "organiser_zh_hans": "中国政府",
        "sector": "government",
        "level": "professional",
        "fields_of_study": ["international-relations"],
        "languages": ["en", "ru", "zh"],
        "format": "in_person",
        "start_date": date(2027, 4, 12),
        "end_date": date(2027, 4, 22),
        "application_deadline": date(2026, 12, 20),
        "funding": "full",
        "source": f"{SEED_002} (youth leaders invited to China); dates and funding illustrative",
    },
    {
        "slug": "lu-ban-workshop-tajikistan",
        "title": "Lu Ban Workshop in Tajikistan: Urban Heating and Engineering Surveying",
        "title_ru": "Мастерская Лу Баня в Таджикистане: теплоснабжение городов и инженерная "
        "геодезия",
        "title_zh_hans": "塔吉克斯坦鲁班工坊：城市供热与工程测量",
        "kind": "training",
        "summary": "The first Lu Ban vocational workshop in Central Asia trains technicians for "
        "Tajikistan's cities and industry.",
        "description": "Set up with Chinese partners, the workshop teaches two trades that "
        "Tajikistan needs as its cities and industries grow: district heating systems and "
        "engineering survey work. Graduates form a pool of skilled technicians.",
        "host_country": "TJ",
        "partner_countries": ["CN"],
        "host_universities": ["tajik-technical-university"],
        "organiser": "Tajik Technical University with Chinese vocational colleges",
        "sector": "government",
        "level": "professional",
        "fields_of_study": ["engineering", "energy"],
        "languages": ["ru", "tg", "zh"],
        "format": "in_person",
        "start_date": date(2027, 2, 15),
        "end_date": date(2027, 6, 30),
        "application_deadline": date(2027, 1, 31),
        "source": f"{SEED_002} (first Lu Ban workshop in Central Asia, its two courses); host "
        "university per public reports; intake dates illustrative",
    },
    {
        "slug": "sco-university-master-regional-studies",
        "title": "SCO University Master's in Regional Studies (Dual Degree)",
        "title_ru": "Магистратура Университета ШОС по регионоведению (двойной диплом)",
        "title_zh_hans": "上合组织大学区域学硕士（双学位）",
        "kind": "dual_degree",
        "summary": "A two-year master's across universities of the SCO University network, "
        "with a degree from two of them.",
        "description": "Students start at their home university and spend part of the "
        "programme at a partner in another SCO country, studying the politics, history, "
        "languages and economies of the region.",
        "host_country": "RU",
        "partner_countries": ["CN", "KZ", "KG", "TJ"],
        "host_universities": [
            "lomonosov-moscow-state-university",
            "saint-petersburg-state-university",
            "al-farabi-kazakh-national-university",
            "eurasian-national-university",
            "kyrgyz-national-university",
            "tajik-national-university",
            "dalian-university-of-foreign-languages",
        ],
        "organiser": "SCO University network",
        "organiser_ru": "Сеть Университета ШОС",
        "organiser_zh_hans": "上合组织大学网络",
        "sector": "university",
        "level": "master",
        "fields_of_study": ["regional-studies", "international-relations"],
        "languages": ["ru", "zh"],
        "format": "in_person",
        "start_date": date(2027, 9, 1),
        "end_date": date(2029, 6, 30),
        "application_deadline": date(2027, 3, 31),
        "source": f"{SEED_000} (SCO University; dual degrees recommended); partner list and "
        "dates illustrative",
    },
    {
        "slug": "sco-university-master-ecology",
        "title": "SCO University Master's in Ecology (Dual Degree)",
        "title_ru": "Магистратура Университета ШОС по экологии (двойной диплом)",
        "title_zh_hans": "上合组织大学生态学硕士（双学位）",
        "kind": "dual_degree",
        "summary": "Ecology and environmental management of the arid lands and mountains of "
        "Eurasia, taught by network universities.",
        "description": "The programme deals with the shared environmental problems of the "
        "region, from water and desertification to mountain ecosystems, with field work in "
        "more than one country.",
        "host_country": "CN",
        "partner_countries": ["RU", "KZ", "KG"],
        "host_universities": [
            "lanzhou-university",
            "xinjiang-university",
            "al-farabi-kazakh-national-university",
            "altai-state-university",
            "kyrgyz-national-university",
        ],
        "organiser": "SCO University network",
        "organiser_ru": "Сеть Университета ШОС",
        "organiser_zh_hans": "上合组织大学网络",
        "sector": "university",
        "level": "master",
        "fields_of_study": ["ecology", "natural-sciences"],
        "languages": ["ru", "zh", "en"],
        "format": "in_person",
        "start_date": date(2027, 9, 1),
        "end_date": date(2029, 6, 30),
        "application_deadline": date(2027, 4, 30),
        "heritage_sites": ["tajik-national-park"],
        "source": f"{SEED_000} (SCO University); ecology is a network priority area; partner "
        "list, field trips and dates illustrative",
    },
    {
        "slug": "sco-university-master-information-technology",
        "title": "SCO University Master's in Information Technology (Dual Degree)",
        "title_ru": "Магистратура Университета ШОС по информационным технологиям (двойной диплом)",
        "title_zh_hans": "上合组织大学信息技术硕士（双学位）",
        "kind": "dual_degree",
        "summary": "Software, networks and data, with a semester at a partner university.",
        "description": "Students of the network's IT track study at two universities in "
        "different SCO countries and receive both degrees.",
        "host_country": "RU",
        "partner_countries": ["CN", "KZ", "KG"],
        "host_universities": [
            "ural-federal-university",
            "novosibirsk-state-university",
            "harbin-institute-of-technology",
            "eurasian-national-university",
            "kyrgyz-russian-slavic-university",
        ],
        "organiser": "SCO University network",
        "organiser_ru": "Сеть Университета ШОС",
        "organiser_zh_hans": "上合组织大学网络",
        "sector": "university",
        "level": "master",
        "fields_of_study": ["information-technology"],
        "languages": ["ru", "en"],
        "format": "hybrid",
        "start_date": date(2027, 9, 1),
        "end_date": date(2029, 6, 30),
        "application_deadline": date(2027, 2, 28),
        "source": f"{SEED_000} (SCO University); IT is a network priority area; partner list "
        "and dates illustrative",
    },
    {
        "slug": "sco-university-energy-semester-exchange",
        "title": "SCO University Semester Exchange in Energy",
        "title_ru": "Семестровый обмен Университета ШОС по энергетике",
        "title_zh_hans": "上合组织大学能源学交换学期",
        "kind": "student_exchange",
        "summary": "One semester at a partner university for bachelor's students of energy "
        "engineering.",
        "description": "Credits earned abroad count towards the home degree. The exchange "
        "connects universities in the energy-producing and energy-consuming countries of the "
        "organisation.",
        "host_country": "KZ",
        "partner_countries": ["RU", "CN", "KG"],
        "host_universities": [
            "al-farabi-kazakh-national-university",
            "ural-federal-university",
            "harbin-institute-of-technology",
            "kyrgyz-russian-slavic-university",
        ],
        "organiser": "SCO University network",
        "organiser_ru": "Сеть Университета ШОС",
        "organiser_zh_hans": "上合组织大学网络",
        "sector": "university",
        "level": "bachelor",
        "fields_of_study": ["energy", "engineering"],
        "languages": ["ru", "en"],
        "format": "in_person",
        "start_date": date(2027, 2, 1),
        "end_date": date(2027, 6, 30),
        "application_deadline": date(2026, 10, 31),
        "funding": "self",
        "source": f"{SEED_000} (SCO University, student exchanges recommended); energy is a "
        "network priority area; exchange details and dates illustrative",
    },
    {
        "slug": "samarkand-tourism-heritage-exchange",
        "title": "Semester in Samarkand: Tourism and Cultural Heritage",
        "title_ru": "Семестр в Самарканде: туризм и культурное наследие",
        "title_zh_hans": "撒马尔罕学期：旅游与文化遗产",
        "kind": "student_exchange",
        "summary": "A semester on heritage tourism in one of the great cities of the Silk Road.",
        "description": "Exchange students follow courses in heritage management, tourism and "
        "hospitality, and learn in the field at the monuments of Samarkand, Bukhara and "
        "Khiva.",
        "host_country": "UZ",
        "partner_countries": ["CN", "RU", "KZ"],
        "host_universities": ["silk-road-international-university-of-tourism"],
        "organiser": '"Silk Road" International University of Tourism and Cultural Heritage',
        "sector": "university",
        "level": "bachelor",
        "fields_of_study": ["tourism-heritage"],
        "languages": ["en", "ru", "uz"],
        "format": "in_person",
        "start_date": date(2027, 2, 8),
        "end_date": date(2027, 6, 25),
        "application_deadline": date(2026, 12, 10),
        "funding": "self",
        "heritage_sites": [
            "samarkand-crossroads-of-cultures",
            "historic-centre-of-bukhara",
            "itchan-kala",
        ],
        "source": f"{SEED_000} (the university; tourism combined with heritage, section 5.5); "
        "programme illustrative",
    },
    {
        "slug": "virtual-classroom-sco-cultures",
        "title": "Virtual Classroom: Languages, History and Arts of the SCO Countries",
        "title_ru": "Виртуальный класс: языки, история и искусство стран ШОС",
        "title_zh_hans": "虚拟课堂：上合组织国家的语言、历史与艺术",
        "kind": "language_course",
        "summary": "Live online lectures and workshops with experts, and virtual field trips "
        "to World Heritage sites.",
        "description": "A term of weekly online sessions: first steps in a neighbour's "
        "language, the history behind the region's cities and an introduction to its arts. "
        "Experts teach live, students ask questions on screen, and guided virtual tours take "
        "the class to monuments and landscapes in other member states.",
        "host_country": "UZ",
        "partner_countries": ["CN", "RU", "KZ", "KG", "TJ"],
        "host_universities": [
            "silk-road-international-university-of-tourism",
            "university-of-world-economy-and-diplomacy",
        ],
        "organiser": "Universities of Samarkand and Tashkent",
        "sector": "university",
        "level": "open",
        "fields_of_study": ["arts", "regional-studies", "tourism-heritage"],
        "languages": ["en", "ru", "zh"],
        "format": "online",
        "start_date": date(2027, 1, 18),
        "end_date": date(2027, 5, 28),
        "application_deadline": None,
        "funding": "full",
        "heritage_sites": [
            "samarkand-crossroads-of-cultures",
            "silk-roads-chang-an-tianshan-corridor",
            "kremlin-and-red-square",
            "sulaiman-too-sacred-mountain",
            "sarazm",
        ],
        "source": f"{SEED_000} (section 5.5 recommends virtual classrooms and field trips); "
        "course illustrative",
    },
    {
        "slug": "confucius-institute-tajik-national-university",
        "title": "Chinese Courses at the Confucius Institute of Tajik National University",
        "title_ru": "Курсы китайского языка в Институте Конфуция Таджикского национального "
        "университета",
        "title_zh_hans": "塔吉克国立民族大学孔子学院汉语课程",
        "kind": "language_course",
        "summary": "Evening and weekend Chinese classes for students and adults in Dushanbe.",
        "description": "Confucius Institutes are one of the channels of cultural exchange "
        "between China and the SCO states. Courses run at several levels and prepare for the "
        "HSK examinations; new groups open through the year.",
        "host_country": "TJ",
        "partner_countries": ["CN"],
        "host_universities": ["tajik-national-university"],
        "organiser": "Confucius Institute at Tajik National University",
        "sector": "university",
        "level": "open",
        "fields_of_study": ["chinese-language-culture"],
        "languages": ["zh", "tg", "ru"],
        "format": "hybrid",
        "application_deadline": None,
        "funding": "self",
        "source": f"{SEED_000} (Confucius Institutes); institute per public reports; schedule "
        "and levels illustrative",
    },
    {
        "slug": "express-health-vision-mission-volunteers",
        "title": "“Express Health” Vision Mission: Medical Volunteers",
        "title_ru": "Миссия «Экспресс здоровья» по сохранению зрения: медицинские волонтёры",
        "title_zh_hans": "“健康快车”光明行：医疗志愿者",
        "kind": "volunteering",
        "summary": "Eye surgeons and nurses volunteer on cataract missions for patients from "
        "SCO countries.",
        "description": "China proposed international vision-care missions under the “Express "
        "Health” name and pledged free cataract surgery for 2,000 patients from SCO countries "
        "over three years; many patients came to hospitals in Uzbekistan. Volunteers support "
        "the surgical teams.",
        "host_country": "UZ",
        "partner_countries": ["CN"],
        "organiser": "Chinese medical teams with hospitals in Uzbekistan",
        "sector": "people",
        "level": "professional",
        "fields_of_study": ["medicine"],
        "languages": ["ru", "uz", "zh"],
        "format": "in_person",
        "start_date": date(2027, 3, 1),
        "end_date": date(2027, 3, 21),
        "application_deadline": date(2027, 1, 15),
        "funding": "full",
        "source": f"{SEED_002} (Express Health missions, 2,000 cataract operations); volunteer "
        "scheme and dates illustrative",
    },
    {
        "slug": "sco-traditional-medicine-training",
        "title": "Traditional Medicine Training Course for SCO Countries",
        "title_ru": "Курс по традиционной медицине для специалистов стран ШОС",
        "title_zh_hans": "上合组织国家传统医药培训班",
        "kind": "training",
        "summary": "Practitioners and pharmacists compare the traditional medicine of the SCO "
        "countries.",
        "description": "Part lectures, part clinical visits, the course follows the SCO's "
        "cooperation in traditional medicine, which includes a forum and an industry union "
        "proposed by China.",
        "host_country": "CN",
        "partner_countries": others("CN"),
        "organiser": "SCO Traditional Medicine and Pharmacy Industry Union",
        "sector": "people",
        "level": "professional",
        "fields_of_study": ["medicine"],
        "languages": ["zh", "ru", "en"],
        "format": "hybrid",
        "start_date": date(2027, 3, 15),
        "end_date": date(2027, 4, 9),
        "application_deadline": date(2027, 1, 20),
        "funding": "partial",
        "source": f"{SEED_002} (traditional medicine industry union); {SEED_004} (SCO Forum on "
        "Traditional Medicine); course illustrative",
    },
    {
        "slug": "itchan-kala-conservation-field-school",
        "title": "Conservation Field School at Itchan Kala, Khiva",
        "title_ru": "Полевая школа по реставрации в Ичан-Кале, Хива",
        "title_zh_hans": "希瓦伊钦卡拉文物保护田野学校",
        "kind": "summer_school",
        "summary": "Hands-on training in the conservation of earthen and brick architecture.",
        "description": "Students and young professionals work alongside restorers in the "
        "walled town of Khiva, where China has supported restoration, learning survey, "
        "documentation and repair techniques.",
        "host_country": "UZ",
        "partner_countries": ["CN"],
        "organiser": "Heritage authorities of Uzbekistan with Chinese restorers",
        "sector": "government",
        "level": "master",
        "fields_of_study": ["archaeology-conservation"],
        "languages": ["ru", "en", "zh"],
        "format": "in_person",
        "start_date": date(2027, 5, 10),
        "end_date": date(2027, 6, 5),
        "application_deadline": date(2027, 3, 15),
        "funding": "partial",
        "heritage_sites": ["itchan-kala"],
        "source": f"{SEED_002} (Chinese support for restoring Itchan Kala); field school "
        "illustrative",
    },
    {
        "slug": "sco-studies-doctoral-exchange",
        "title": "Doctoral Research Exchange in SCO Studies, Tashkent and Jining",
        "title_ru": "Обмен докторантами по исследованиям ШОС: Ташкент и Цзинин",
        "title_zh_hans": "上合组织研究博士生交流：塔什干与集宁",
        "kind": "research_fellowship",
        "summary": "Doctoral candidates research the SCO and global governance at partner "
        "universities in Uzbekistan and China.",
        "description": "Candidates spend a research stay at the partner university, with "
        "joint supervision and a seminar on cooperation within the SCO.",
        "host_country": "UZ",
        "partner_countries": ["CN"],
        "host_universities": [
            "university-of-world-economy-and-diplomacy",
            "jining-normal-university",
        ],
        "organiser": "University of World Economy and Diplomacy",
        "sector": "university",
        "level": "doctoral",
        "fields_of_study": ["international-relations"],
        "languages": ["en", "ru", "zh"],
        "format": "hybrid",
        "start_date": date(2026, 11, 2),
        "end_date": date(2027, 6, 30),
        "application_deadline": date(2026, 9, 30),
        "funding": "partial",
        "source": f"{SEED_003} (author's joint affiliation with both universities); exchange "
        "illustrative",
    },
]
