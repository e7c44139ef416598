"""Festivals and events drawn from the seeds.

Two past events carry their documented dates (the 2018 Qingdao summit, the 2019 Conference on
Dialogue of Asian Civilizations). For recurring formats the seeds only name (arts festivals,
marathons, open days, the media summit...), the edition, city and dates are illustrative, and
the source says so.
"""

from datetime import date

SEED_000 = "seeds/000_df61f48d454260ef.txt"
SEED_001 = "seeds/001_136ba648e99dbd5c.txt"
SEED_002 = "seeds/002_75ff92d01225fd9a.txt"
SEED_003 = "seeds/003_cfa81fa4a5e6cc22.txt"
SEED_004 = "seeds/004_ee419518eaa62471.txt"

MEMBERS = ["CN", "RU", "KZ", "KG", "TJ", "UZ", "IN", "PK", "IR", "BY"]

FESTIVALS = [
    {
        "slug": "sco-qingdao-summit-cultural-programme-2018",
        "title": "Cultural Programme of the SCO Qingdao Summit",
        "title_ru": "Культурная программа саммита ШОС в Циндао",
        "title_zh_hans": "上合组织青岛峰会文化活动",
        "kind": "arts_festival",
        "summary": "Performances and exchanges around the first summit after India and "
        "Pakistan joined.",
        "description": "The 2018 summit in the coastal city of Qingdao was accompanied by "
        "cultural events, a reminder that the organisation also works to bring its peoples "
        "together.",
        "host_country": "CN",
        "city": "Qingdao",
        "city_ru": "Циндао",
        "city_zh_hans": "青岛",
        "participating_countries": ["CN", "RU", "KZ", "KG", "TJ", "UZ", "IN", "PK"],
        "organiser": "Government of China",
        "sector": "government",
        "format": "in_person",
        "start_date": date(2018, 6, 9),
        "end_date": date(2018, 6, 10),
        "edition": "2018 summit",
        "source": f"{SEED_001} (summit in Qingdao, June 2018); summit dates from the public record",
    },
    {
        "slug": "conference-on-dialogue-of-asian-civilizations-2019",
        "title": "Conference on Dialogue of Asian Civilizations",
        "title_ru": "Конференция по диалогу азиатских цивилизаций",
        "title_zh_hans": "亚洲文明对话大会",
        "kind": "forum",
        "summary": "A gathering in Beijing on exchange and mutual learning between the "
        "civilisations of Asia.",
        "description": "Opened by President Xi Jinping in May 2019, the conference brought "
        "together officials, scholars and artists from across Asia, with a cultural carnival "
        "and exhibitions alongside the debates.",
        "host_country": "CN",
        "city": "Beijing",
        "city_ru": "Пекин",
        "city_zh_hans": "北京",
        "participating_countries": MEMBERS,
        "organiser": "Government of China",
        "sector": "government",
        "format": "in_person",
        "start_date": date(2019, 5, 15),
        "end_date": date(2019, 5, 22),
        "edition": "2019",
        "source": f"{SEED_003} (opening ceremony, May 2019); exact dates from the public record",
    },
    {
        "slug": "forum-of-media-and-think-tanks",
        "title": "Forum of Media and Think Tanks of SCO Countries",
        "title_ru": "Форум СМИ и аналитических центров стран ШОС",
        "title_zh_hans": "上合组织国家媒体智库论坛",
        "kind": "forum",
        "summary": "Journalists and analysts from SCO countries discuss how the organisation "
        "is reported and understood.",
        "description": "China set up the forum as part of a wider media cooperation mechanism "
        "of the SCO. Sessions can be followed online.",
        "host_country": "CN",
        "city": "Beijing",
        "city_ru": "Пекин",
        "city_zh_hans": "北京",
        "participating_countries": MEMBERS,
        "organiser": "Media cooperation mechanism of the SCO",
        "sector": "government",
        "format": "hybrid",
        "start_date": date(2026, 12, 9),
        "end_date": date(2026, 12, 10),
        "edition": "recurring",
        "source": f"{SEED_002} (forum for media and think tanks); city and dates illustrative",
    },
    {
        "slug": "sco-media-summit",
        "title": "SCO Media Summit",
        "title_ru": "Медиасаммит ШОС",
        "title_zh_hans": "上海合作组织媒体峰会",
        "kind": "media",
        "summary": "Heads of broadcasters, newspapers and news agencies of the SCO countries "
        "meet on media cooperation.",
        "description": "The summit is one of the tools China uses to strengthen the "
        "organisation's international communication, alongside joint productions and "
        "exchanges of journalists.",
        "host_country": "CN",
        "city": "Beijing",
        "city_ru": "Пекин",
        "city_zh_hans": "北京",
        "participating_countries": MEMBERS,
        "organiser": "Government of China",
        "sector": "government",
        "format": "in_person",
        "start_date": date(2027, 6, 8),
        "end_date": date(2027, 6, 9),
        "edition": "recurring",
        "source": f"{SEED_002} (SCO media summit); city, dates and edition illustrative",
    },
    {
        "slug": "sco-open-day",
        "title": "SCO Open Day",
        "title_ru": "День открытых дверей ШОС",
        "title_zh_hans": "上合组织开放日",
        "kind": "open_day",
        "summary": "The SCO Secretariat opens its doors to the public, with exhibitions and "
        "performances from the member states.",
        "description": "Visitors tour the Secretariat's building, meet diplomats, try food "
        "and crafts from the SCO countries and watch musicians and dancers. The day falls "
        "close to 15 June, the anniversary of the organisation's founding.",
        "host_country": "CN",
        "city": "Beijing",
        "city_ru": "Пекин",
        "city_zh_hans": "北京",
        "venue": "SCO Secretariat",
        "venue_ru": "Секретариат ШОС",
        "venue_zh_hans": "上合组织秘书处",
        "participating_countries": MEMBERS,
        "organiser": "SCO Secretariat",
        "organiser_ru": "Секретариат ШОС",
        "organiser_zh_hans": "上合组织秘书处",
        "sector": "government",
        "format": "in_person",
        "start_date": date(2027, 6, 15),
        "end_date": date(2027, 6, 15),
        "edition": "annual",
        "source": f"{SEED_000} (SCO Open Days); {SEED_003} (founded 15 June 2001); date "
        "illustrative",
    },
    {
        "slug": "sco-marathon",
        "title": "SCO Marathon",
        "title_ru": "Марафон ШОС",
        "title_zh_hans": "上合组织马拉松",
        "kind": "sport",
        "summary": "A city marathon with runners from every SCO country, and shorter races "
        "for amateurs.",
        "description": "Marathons under the SCO banner are among the people-to-people events "
        "the organisation promotes; runners and spectators from many countries share the "
        "course.",
        "host_country": "CN",
        "city": "Qingdao",
        "city_ru": "Циндао",
        "city_zh_hans": "青岛",
        "participating_countries": MEMBERS,
        "organiser": "City sports authorities with SCO partners",
        "sector": "people",
        "format": "in_person",
        "start_date": date(2027, 4, 18),
        "end_date": date(2027, 4, 18),
        "edition": "annual",
        "source": f"{SEED_000} (SCO marathons); host city, date and edition illustrative",
    },
    {
        "slug": "arts-festival-of-sco-member-states",
        "title": "Arts Festival of SCO Member States",
        "title_ru": "Фестиваль искусств государств-членов ШОС",
        "title_zh_hans": "上合组织成员国艺术节",
        "kind": "arts_festival",
        "summary": "A week of theatre, dance, music and fine arts from the member states.",
        "description": "Held alongside meetings of culture ministers, the festival gives each "
        "member state a stage and an exhibition space, and ends with a joint gala concert.",
        "host_country": "KZ",
        "city": "Astana",
        "city_ru": "Астана",
        "city_zh_hans": "阿斯塔纳",
        "participating_countries": MEMBERS,
        "organiser": "Ministries of culture of the SCO member states",
        "sector": "government",
        "format": "in_person",
        "start_date": date(2027, 6, 20),
        "end_date": date(2027, 6, 27),
        "edition": "recurring",
        "source": f"{SEED_000} (arts festivals of member states); host city, dates and "
        "programme illustrative",
    },
    {
        "slug": "sco-film-festival",
        "title": "SCO Film Festival",
        "title_ru": "Кинофестиваль ШОС",
        "title_zh_hans": "上海合作组织电影节",
        "kind": "film_festival",
        "summary": "Feature films and documentaries from the SCO countries, with screenings "
        "and meetings of film-makers.",
        "description": "Cinema is one of the fields where exchange between SCO countries "
        "works well. The festival screens recent work from member and partner states, "
        "subtitled, with talks by directors.",
        "host_country": "IN",
        "city": "Mumbai",
        "city_ru": "Мумбаи",
        "city_zh_hans": "孟买",
        "participating_countries": [*MEMBERS, "MN", "AF"],
        "organiser": "Film bodies of the SCO countries",
        "sector": "government",
        "format": "hybrid",
        "start_date": date(2027, 10, 5),
        "end_date": date(2027, 10, 10),
        "edition": "recurring",
        "source": f"{SEED_000} (film and media cooperation); host city, dates and edition "
        "illustrative",
    },
    {
        "slug": "sco-world-heritage-online-3d-exhibition",
        "title": "World Heritage of the SCO Countries: an Online 3D Exhibition",
        "title_ru": "Всемирное наследие стран ШОС: онлайн-выставка в 3D",
        "title_zh_hans": "上合组织国家世界遗产线上3D展",
        "kind": "exhibition",
        "summary": "Walk through 3D models of World Heritage sites of the SCO countries, with "
        "commentary in several languages.",
        "description": "Visitors move freely through scanned monuments and landscapes in "
        "the browser, and can switch the guided commentary between languages.",
        "host_country": "UZ",
        "city": "Samarkand",
        "city_ru": "Самарканд",
        "city_zh_hans": "撒马尔罕",
        "participating_countries": ["CN", "RU", "KZ", "KG", "TJ", "UZ", "PK", "BY"],
        "organiser": '"Silk Road" International University of Tourism and Cultural Heritage',
        "sector": "university",
        "format": "online",
        "start_date": date(2026, 9, 1),
        "end_date": date(2027, 8, 31),
        "edition": "first edition",
        "heritage_sites": [
            "imperial-palaces-beijing-shenyang",
            "great-wall",
            "mausoleum-first-qin-emperor",
            "kremlin-and-red-square",
            "historic-centre-of-saint-petersburg",
            "historic-sites-of-taraz",
            "sulaiman-too-sacred-mountain",
            "moenjodaro",
            "samarkand-crossroads-of-cultures",
            "historic-centre-of-bukhara",
            "tajik-national-park",
            "sarazm",
            "nesvizh-radziwill-complex",
        ],
        "source": f"{SEED_000} (section 5.5: 3D online exhibitions with multilingual "
        "commentary, and the sites it names); exhibition illustrative",
    },
    {
        "slug": "silk-roads-chang-an-to-tianshan-exhibition",
        "title": "Along the Silk Roads: from Chang'an to the Tianshan",
        "title_ru": "По Шёлковому пути: от Чанъаня до Тянь-Шаня",
        "title_zh_hans": "丝路行：从长安到天山",
        "kind": "exhibition",
        "summary": "Finds from the sites of the joint World Heritage corridor of China, "
        "Kazakhstan and Kyrgyzstan.",
        "description": "The exhibition follows the routes of the corridor inscribed in 2014, "
        "from palaces of the Han and Tang capital to the trading towns of the Zhetysu and "
        "Chuy valleys, and shows how the three countries protect them together.",
        "host_country": "CN",
        "city": "Xi'an",
        "city_ru": "Сиань",
        "city_zh_hans": "西安",
        "participating_countries": ["CN", "KZ", "KG"],
        "organiser": "Museums of China, Kazakhstan and Kyrgyzstan",
        "sector": "government",
        "format": "hybrid",
        "start_date": date(2027, 3, 20),
        "end_date": date(2027, 7, 20),
        "edition": "one-off",
        "heritage_sites": ["silk-roads-chang-an-tianshan-corridor"],
        "source": f"{SEED_002} (joint nomination of 2014); exhibition illustrative",
    },
    {
        "slug": "sco-forum-on-traditional-medicine",
        "title": "SCO Forum on Traditional Medicine",
        "title_ru": "Форум ШОС по традиционной медицине",
        "title_zh_hans": "上合组织传统医学论坛",
        "kind": "forum",
        "summary": "Doctors, researchers and producers of traditional medicine from SCO "
        "countries share practice and research.",
        "description": "The forum is one of the SCO's people-to-people initiatives in health, "
        "next to its vision-care missions and the traditional medicine industry union.",
        "host_country": "CN",
        "participating_countries": MEMBERS,
        "organiser": "SCO member states' health authorities",
        "sector": "government",
        "format": "hybrid",
        "start_date": date(2027, 5, 20),
        "end_date": date(2027, 5, 21),
        "edition": "recurring",
        "source": f"{SEED_004} (SCO Forum on Traditional Medicine); dates and edition illustrative",
    },
    {
        "slug": "forum-of-twinned-cities-of-sco-countries",
        "title": "Forum of Twinned Cities of the SCO Countries",
        "title_ru": "Форум городов-побратимов стран ШОС",
        "title_zh_hans": "上合组织国家友好城市论坛",
        "kind": "forum",
        "summary": "Mayors and city officials meet to start twinning agreements in trade, "
        "tourism and the environment.",
        "description": "Alongside summits between heads of state, cities can cooperate "
        "directly: the forum matches municipalities looking for partners and helps them plan "
        "joint projects.",
        "host_country": "RU",
        "city": "Yekaterinburg",
        "city_ru": "Екатеринбург",
        "city_zh_hans": "叶卡捷琳堡",
        "participating_countries": MEMBERS,
        "organiser": "Local governments of SCO countries",
        "sector": "people",
        "format": "in_person",
        "start_date": date(2027, 9, 14),
        "end_date": date(2027, 9, 15),
        "edition": "first edition",
        "source": f"{SEED_000} (section 5.1 recommends friendship-city agreements); forum "
        "illustrative",
    },
    {
        "slug": "sco-year-of-cultural-exchange",
        "title": "Year of Cultural Exchange of the SCO Countries",
        "title_ru": "Год культурного обмена стран ШОС",
        "title_zh_hans": "上合组织国家文化交流年",
        "kind": "cultural_year",
        "summary": "A year of exhibitions, tours and festivals across the member states.",
        "description": "Cultural years are a familiar format of exchange between China and "
        "the SCO states. This one gives each month to a different country, with events in "
        "the host cities of the others.",
        "host_country": "KG",
        "city": "Bishkek",
        "city_ru": "Бишкек",
        "city_zh_hans": "比什凯克",
        "participating_countries": MEMBERS,
        "organiser": "Ministries of culture of the SCO member states",
        "sector": "government",
        "format": "hybrid",
        "start_date": date(2027, 1, 1),
        "end_date": date(2027, 12, 31),
        "edition": "2027",
        "source": f"{SEED_000} (cultural years among exchange formats); this year, its host "
        "and dates illustrative",
    },
    {
        "slug": "folk-music-of-the-sco-countries",
        "title": "Folk Music of the SCO Countries",
        "title_ru": "Народная музыка стран ШОС",
        "title_zh_hans": "上合组织国家民族音乐会",
        "kind": "music",
        "summary": "Musicians from the member states play traditional instruments on one "
        "stage, streamed live.",
        "description": "From the Kazakh dombra and Kyrgyz komuz to the Chinese erhu and the "
        "Tajik rubab, the concert shows the musical kinship of the peoples along the Silk "
        "Roads.",
        "host_country": "TJ",
        "city": "Dushanbe",
        "city_ru": "Душанбе",
        "city_zh_hans": "杜尚别",
        "participating_countries": ["CN", "RU", "KZ", "KG", "TJ", "UZ", "IN", "IR"],
        "organiser": "Civil society cultural associations",
        "sector": "people",
        "format": "hybrid",
        "start_date": date(2027, 3, 21),
        "end_date": date(2027, 3, 21),
        "edition": "annual",
        "source": f"{SEED_000} (art festivals; people-to-people exchanges, section 5.3); "
        "concert illustrative",
    },
]
