"""Synthetic records at scale, for benchmarks and load tests (`manage.py generate_data`).

Every record is labelled: its `source` reads "synthetic (generate_data, seed S)", it is marked
an example (the public page says its details are illustrative), and its description says it
was generated. Titles and names are composed from the word lists below in English, Russian and
Chinese; every value is one the admin's form would accept (choices, date order, http(s) links
on example.org, criteria matching the category), and slugs are unique per seed.

Deterministic: each kind draws from its own `random.Random` seeded with the seed and the kind,
and dates are counted from `today`, so the same seed, counts and day on the same starting data
give the same rows. Rows are inserted with bulk_create in batches, one transaction a batch;
the many-to-many links go in with COPY on PostgreSQL and executemany on SQLite.
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.text import slugify
from modeltranslation.translator import translator

from festivals.models import Festival
from heritage.models import CULTURAL_CRITERIA, NATURAL_CRITERIA, HeritageSite
from portal.demo.loader import load_spec, specs
from programmes.models import FieldOfStudy, Language, Programme
from scoculture.models import Country, Format, Sector
from universities.models import PriorityArea, University

LANGS = ("en", "ru", "zh_hans")
SOURCE_PREFIX = "synthetic (generate_data"
SECTORS, FORMATS = Sector.values, Format.values
LEVELS, FUNDINGS = Programme.Level.values, ["", *Programme.Funding.values]
SCHEDULED_SHARE = 0.02  # published with a future publication time
DRAFT_SHARE = 0.03

# (English, Russian, Chinese). Proper names stay undeclined in Russian ("Петроглифы Аксу").
PLACES = [
    ("Aksu", "Аксу", "阿克苏"),
    ("Karatau", "Каратау", "卡拉套"),
    ("Sarysu", "Сарысу", "萨雷苏"),
    ("Tamgaly", "Тамгалы", "坦加利"),
    ("Kokand", "Коканд", "浩罕"),
    ("Pamir", "Памир", "帕米尔"),
    ("Tianshan", "Тяньшань", "天山"),
    ("Altai", "Алтай", "阿尔泰"),
    ("Issyk", "Иссык", "伊塞克"),
    ("Fergana", "Фергана", "费尔干纳"),
    ("Dunhuang", "Дуньхуан", "敦煌"),
    ("Khorog", "Хорог", "霍罗格"),
    ("Baikal", "Байкал", "贝加尔"),
    ("Karakorum", "Каракорум", "哈拉和林"),
    ("Merv", "Мерв", "梅尔夫"),
    ("Taraz", "Тараз", "塔拉兹"),
]
THEMES = [
    ("Silk Road", "«Шёлковый путь»", "丝绸之路"),
    ("Great Steppe", "«Великая степь»", "大草原"),
    ("Heritage", "«Наследие»", "遗产"),
    ("Friendship", "«Дружба»", "友谊"),
    ("New Horizons", "«Новые горизонты»", "新视野"),
    ("Caravan", "«Караван»", "驼队"),
    ("Crossroads", "«Перекрёсток»", "十字路口"),
    ("Spirit of Shanghai", "«Шанхайский дух»", "上海精神"),
]
PROGRAMME_KINDS = {  # kind -> its name in a title
    "student_exchange": ("student exchange", "студенческий обмен", "学生交流"),
    "dual_degree": ("dual degree", "программа двух дипломов", "双学位"),
    "scholarship": ("scholarship", "стипендия", "奖学金"),
    "summer_school": ("summer school", "летняя школа", "暑期学校"),
    "language_course": ("language course", "языковой курс", "语言课程"),
    "youth_camp": ("youth camp", "молодёжный лагерь", "青年营"),
    "research_fellowship": ("research fellowship", "исследовательская стажировка", "研究奖学金"),
    "training": ("training", "тренинг", "培训"),
    "volunteering": ("volunteering", "волонтёрская программа", "志愿服务"),
}
SUBJECTS = [
    ("ceramics", "керамика", "陶瓷"),
    ("archaeology", "археология", "考古学"),
    ("traditional music", "традиционная музыка", "传统音乐"),
    ("museum studies", "музееведение", "博物馆学"),
    ("film", "кино", "电影"),
    ("languages", "языки", "语言"),
    ("architecture", "архитектура", "建筑"),
    ("ecology", "экология", "生态"),
    ("medicine", "медицина", "医学"),
    ("journalism", "журналистика", "新闻"),
    ("dance", "танец", "舞蹈"),
    ("calligraphy", "каллиграфия", "书法"),
]
FESTIVAL_KINDS = {
    "arts_festival": ("arts festival", "фестиваль искусств", "艺术节"),
    "film_festival": ("film festival", "кинофестиваль", "电影节"),
    "music": ("music festival", "музыкальный фестиваль", "音乐节"),
    "cultural_year": ("cultural days", "дни культуры", "文化日"),
    "exhibition": ("exhibition", "выставка", "展览"),
    "sport": ("marathon", "марафон", "马拉松"),
    "forum": ("forum", "форум", "论坛"),
    "open_day": ("open day", "день открытых дверей", "开放日"),
    "media": ("media forum", "медиафорум", "媒体论坛"),
}
EDITIONS = [
    ("annual", "ежегодно", "每年举办"),
    ("biennial", "раз в два года", "两年一届"),
    ("1st edition", "1-й раз", "第一届"),
    ("2nd edition", "2-й раз", "第二届"),
    ("5th edition", "5-й раз", "第五届"),
    ("", "", ""),
]
VENUES = [
    ("City Concert Hall", "Городской концертный зал", "市音乐厅"),
    ("National Museum", "Национальный музей", "国家博物馆"),
    ("Central Park", "Центральный парк", "中央公园"),
    ("Exhibition Centre", "Выставочный центр", "展览中心"),
    ("", "", ""),
]
INSTITUTIONS = [  # university names: "Aksu University", "Университет «Аксу»", "阿克苏大学"
    ("University", "Университет", "大学"),
    ("State University", "Государственный университет", "国立大学"),
    ("Pedagogical University", "Педагогический университет", "师范大学"),
    ("Institute of Culture", "Институт культуры", "文化学院"),
    ("Polytechnic University", "Политехнический университет", "理工大学"),
    ("University of Arts", "Университет искусств", "艺术大学"),
]
FEATURES = {  # heritage: feature -> the category it makes
    ("petroglyphs", "Петроглифы", "岩画"): "cultural",
    ("ancient settlement", "Древнее городище", "古城遗址"): "cultural",
    ("mausoleum", "Мавзолей", "陵墓"): "cultural",
    ("caravanserai", "Караван-сарай", "商队驿站"): "cultural",
    ("monastery", "Монастырь", "寺院"): "cultural",
    ("nature reserve", "Заповедник", "自然保护区"): "natural",
    ("mountain lakes", "Горные озёра", "高山湖泊"): "natural",
    ("sacred mountain", "Священная гора", "圣山"): "mixed",
}
CITIES = {  # country code -> cities; a country without any gets no city
    "CN": [
        ("Xi'an", "Сиань", "西安"),
        ("Kunming", "Куньмин", "昆明"),
        ("Urumqi", "Урумчи", "乌鲁木齐"),
    ],
    "RU": [("Kazan", "Казань", "喀山"), ("Novosibirsk", "Новосибирск", "新西伯利亚")],
    "KZ": [("Almaty", "Алматы", "阿拉木图"), ("Turkistan", "Туркестан", "突厥斯坦")],
    "KG": [("Bishkek", "Бишкек", "比什凯克"), ("Osh", "Ош", "奥什")],
    "TJ": [("Dushanbe", "Душанбе", "杜尚别"), ("Khujand", "Худжанд", "苦盏")],
    "UZ": [("Samarkand", "Самарканд", "撒马尔罕"), ("Bukhara", "Бухара", "布哈拉")],
    "IN": [("Pune", "Пуна", "浦那"), ("Jaipur", "Джайпур", "斋浦尔")],
    "PK": [("Lahore", "Лахор", "拉合尔")],
    "IR": [("Isfahan", "Исфахан", "伊斯法罕")],
    "BY": [("Minsk", "Минск", "明斯克")],
    "MN": [("Ulaanbaatar", "Улан-Батор", "乌兰巴托")],
}
SUMMARY = (
    "A {kind} hosted by {country}.",
    "{Kind}, принимающая страна: {country}.",
    "由{country}主办的{kind}。",
)
SITE_SUMMARY = (
    "A heritage site in {country}.",
    "Объект наследия, страна: {country}.",
    "位于{country}的遗产地。",
)
DESCRIPTION = (
    "Generated for load tests: this record and its details are synthetic.",
    "Создано для нагрузочных тестов: эта запись и её данные вымышлены.",
    "为负载测试生成：此记录及其细节均为虚构。",
)


def source(seed):
    return f"{SOURCE_PREFIX}, seed {seed})"


class NoCountries(Exception):
    pass


@dataclass
class Plan:
    programmes: int = 1000
    festivals: int = 100
    universities: int = 100
    heritage_sites: int = 100
    seed: int = 1
    batch_size: int = 5000

    @property
    def total(self):
        return self.programmes + self.festivals + self.universities + self.heritage_sites


def translated(field, words):
    """{'title_en': ..., 'title_ru': ..., 'title_zh_hans': ...} from a (en, ru, zh) tuple."""
    return {f"{field}_{lang}": word for lang, word in zip(LANGS, words, strict=True)}


def capitalised(words):
    return tuple(word[:1].upper() + word[1:] for word in words)


class Generator:
    """Builds and inserts one plan's records; `progress(n)` is told of every batch."""

    def __init__(self, plan, today=None, progress=None):
        self.plan = plan
        self.today = today or timezone.localdate()
        self.midnight = timezone.make_aware(datetime.datetime.combine(self.today, datetime.time()))
        self.progress = progress or (lambda n: None)
        self.source = source(plan.seed)

    def random(self, kind):
        return random.Random(f"{self.plan.seed}:{kind}")

    # --- what every kind shares ----------------------------------------------------------

    def publishing(self, rng):
        """Mostly published (at some time in the last two years), a few drafts and scheduled."""
        roll = rng.random()
        if roll < DRAFT_SHARE:
            return {"status": "draft", "published_at": None}
        if roll < DRAFT_SHARE + SCHEDULED_SHARE:
            ahead = datetime.timedelta(days=rng.randint(2, 90))
            return {"status": "published", "published_at": self.midnight + ahead}
        back = datetime.timedelta(minutes=rng.randint(1, 2 * 365 * 24 * 60))
        return {"status": "published", "published_at": self.midnight - back}

    def common(self, rng, kind, number, title):
        slug = f"{slugify(title)[:150]}-{self.plan.seed}-{kind}-{number}"
        return {
            "slug": slug,
            "source": self.source,
            "is_example": True,
            **self.publishing(rng),
            **translated("description", DESCRIPTION),
        }

    def city(self, rng, country):
        cities = CITIES.get(country.code)
        return rng.choice(cities) if cities else ("", "", "")

    def when(self, rng, earliest, latest, longest):
        start = self.today + datetime.timedelta(days=rng.randint(earliest, latest))
        end = (
            start + datetime.timedelta(days=rng.randint(0, longest)) if rng.random() < 0.9 else None
        )
        return start, end

    # --- the kinds -----------------------------------------------------------------------

    def heritage_site(self, rng, number):
        place = rng.choice(PLACES)
        feature, category = rng.choice(list(FEATURES.items()))
        name = (f"{place[0]} {feature[0]}", f"{feature[1]} {place[1]}", f"{place[2]}{feature[2]}")
        status = rng.choices(["inscribed", "tentative", "not_listed"], [5, 3, 2])[0]
        criteria = ""
        if status != "not_listed":
            pool = {
                "cultural": CULTURAL_CRITERIA,
                "natural": NATURAL_CRITERIA,
                "mixed": CULTURAL_CRITERIA + NATURAL_CRITERIA,
            }[category]
            chosen = set(rng.sample(pool, rng.randint(1, 3)))
            if category == "mixed":  # at least one of each
                chosen |= {rng.choice(CULTURAL_CRITERIA), rng.choice(NATURAL_CRITERIA)}
            order = CULTURAL_CRITERIA + NATURAL_CRITERIA
            criteria = "".join(f"({c})" for c in sorted(chosen, key=order.index))
        inscribed = status == "inscribed"
        countries = self.pick(rng, self.countries, 1 if rng.random() < 0.9 else rng.randint(2, 3))
        region = self.city(rng, countries[0])
        values = {
            **self.common(rng, "site", number, name[0]),
            **translated("name", capitalised(name)),
            **translated("region", region),
            **translated("summary", self.summary(countries[0], templates=SITE_SUMMARY)),
            "unesco_status": status,
            "category": category,
            "criteria": criteria,
            "year_inscribed": rng.randint(1978, self.today.year) if inscribed else None,
            "in_danger": inscribed and rng.random() < 0.03,
            "latitude": Decimal(f"{rng.uniform(20, 55):.6f}"),
            "longitude": Decimal(f"{rng.uniform(45, 125):.6f}"),
            # Written with the links, which skip the signals that keep it.
            "country_count": len(countries),
        }
        return values, {"countries": [c.pk for c in countries]}

    def university(self, rng, number):
        place, institution = rng.choice(PLACES), rng.choice(INSTITUTIONS)
        country = rng.choice(self.countries)
        name = (
            f"{place[0]} {institution[0]}",
            f"{institution[1]} «{place[1]}»",
            f"{place[2]}{institution[2]}",
        )
        member = rng.random() < 0.4
        values = {
            **self.common(rng, "university", number, name[0]),
            **translated("name", name),
            **translated("city", self.city(rng, country)),
            "country_id": country.pk,
            "sco_university_member": member,
            "sco_university_since": rng.randint(2007, self.today.year) if member else None,
        }
        values["website"] = f"https://{values['slug']}.example.org/"
        areas = self.pick(rng, self.areas, rng.randint(1, 3))
        return values, {"priority_areas": areas}

    def programme(self, rng, number):
        kind = rng.choice(list(PROGRAMME_KINDS))
        theme, subject = rng.choice(THEMES), rng.choice(SUBJECTS)
        noun = PROGRAMME_KINDS[kind]
        title = (
            f"{theme[0]} {noun[0]}: {subject[0]}",
            f"{capitalised(noun)[1]} {theme[1]}: {subject[1]}",
            f"{theme[2]}{noun[2]}：{subject[2]}",
        )
        host = rng.choice(self.countries)
        start, end = self.when(rng, -400, 500, 300)
        deadline = None
        if rng.random() < 0.8:  # else rolling admission; never after the end
            deadline = start - datetime.timedelta(days=rng.randint(10, 90))
        institution = rng.choice(INSTITUTIONS)
        values = {
            **self.common(rng, "programme", number, title[0]),
            **translated("title", title),
            **translated("summary", self.summary(host, noun)),
            **translated(
                "organiser",
                (
                    f"{theme[0]} {institution[0]}",
                    f"{institution[1]} {theme[1]}",
                    f"{theme[2]}{institution[2]}",
                ),
            ),
            "kind": kind,
            "host_country_id": host.pk,
            "sector": rng.choice(SECTORS),
            "level": rng.choice(LEVELS),
            "format": rng.choice(FORMATS),
            "funding": rng.choice(FUNDINGS),
            "start_date": start,
            "end_date": end,
            "application_deadline": deadline,
            "places": rng.randint(5, 200) if rng.random() < 0.7 else None,
        }
        values["website"] = f"https://www.example.org/programmes/{values['slug']}"
        local = self.universities_by_country.get(host.pk) or self.universities
        links = {
            "partner_countries": self.partners(rng, host, rng.randint(0, 4)),
            "host_universities": self.pick(rng, local, rng.randint(0, 2)),
            "languages": self.pick(rng, self.languages, rng.randint(1, 2)),
            "fields_of_study": self.pick(rng, self.fields, rng.randint(1, 3)),
            "heritage_sites": self.pick(rng, self.sites, 1 if rng.random() < 0.25 else 0),
        }
        return values, links

    def festival(self, rng, number):
        kind = rng.choice(list(FESTIVAL_KINDS))
        theme, noun = rng.choice(THEMES), FESTIVAL_KINDS[kind]
        host = rng.choice(self.countries)
        city = self.city(rng, host)
        title = (
            f"{theme[0]} {noun[0]}",
            f"{capitalised(noun)[1]} {theme[1]}",
            f"{theme[2]}{noun[2]}",
        )
        if city[0]:
            title = (f"{title[0]}, {city[0]}", f"{title[1]}, {city[1]}", f"{city[2]}{title[2]}")
        start, end = self.when(rng, -700, 700, 14)
        values = {
            **self.common(rng, "festival", number, title[0]),
            **translated("title", title),
            **translated("summary", self.summary(host, noun)),
            **translated("city", city),
            **translated("venue", rng.choice(VENUES)),
            "kind": kind,
            "host_country_id": host.pk,
            "sector": rng.choice(SECTORS),
            "format": rng.choice(FORMATS),
            **translated("edition", rng.choice(EDITIONS)),
            "start_date": start,
            "end_date": end,
        }
        values["website"] = f"https://www.example.org/festivals/{values['slug']}"
        links = {
            "participating_countries": self.partners(rng, host, rng.randint(0, 5)),
            "heritage_sites": self.pick(rng, self.sites, 1 if rng.random() < 0.2 else 0),
        }
        return values, links

    def summary(self, country, noun=("", "", ""), templates=SUMMARY):
        """One sentence a language, naming the kind (`noun`) and the country."""
        names = (country.name_en, country.name_ru, country.name_zh_hans)
        return tuple(
            template.format(kind=kind, Kind=kind[:1].upper() + kind[1:], country=name)
            for template, kind, name in zip(templates, noun, names, strict=True)
        )

    def pick(self, rng, population, k):
        return rng.sample(population, min(k, len(population)))

    def partners(self, rng, host, k):
        return [c.pk for c in self.pick(rng, self.countries, k + 1) if c.pk != host.pk][:k]

    # --- inserting -----------------------------------------------------------------------

    def ensure_vocabularies(self):
        """Countries and the controlled lists: the demo's, loaded when the table is empty."""
        index, now = {}, timezone.now()
        for spec in specs():
            vocabulary = spec.model in (Country, PriorityArea, Language, FieldOfStudy)
            if vocabulary and not spec.model.objects.exists():
                load_spec(spec, index, now)

    def run(self):
        """Insert everything; returns {model: rows created}."""
        # The demo records' untranslated names go to the default language's columns.
        with translation.override(settings.LANGUAGE_CODE):
            with transaction.atomic():
                self.ensure_vocabularies()
            self.countries = list(Country.objects.published().order_by("code"))
            if not self.countries:
                raise NoCountries("No published country to host the records: publish one.")
            self.areas = list(PriorityArea.objects.order_by("slug").values_list("pk", flat=True))
            self.languages = list(Language.objects.order_by("code").values_list("pk", flat=True))
            self.fields = list(FieldOfStudy.objects.order_by("slug").values_list("pk", flat=True))
            plan = self.plan
            self.sites = self.insert(HeritageSite, plan.heritage_sites, self.heritage_site)
            self.universities_by_country = {}
            self.universities = self.insert(University, plan.universities, self.university)
            self.insert(Programme, plan.programmes, self.programme)
            self.insert(Festival, plan.festivals, self.festival)
        return {
            HeritageSite: plan.heritage_sites,
            University: plan.universities,
            Programme: plan.programmes,
            Festival: plan.festivals,
        }

    def insert(self, model, count, build):
        """`count` rows of `model` from `build(rng, number)`, in batches; returns their pks.

        The rows skip model instances (which cost more than building them): each is a dict of
        field values written straight to the table, with ids counted on from the largest.
        """
        rng = self.random(model._meta.model_name)
        table = Table(model, now=timezone.now())
        pks = []
        for first in range(0, count, self.plan.batch_size):
            numbers = range(first, min(count, first + self.plan.batch_size))
            built = [build(rng, n) for n in numbers]
            with transaction.atomic():
                batch = table.insert([values for values, _ in built])
                for relation in built[0][1]:
                    insert_links(
                        model,
                        relation,
                        [
                            (pk, links[relation])
                            for pk, (_, links) in zip(batch, built, strict=True)
                        ],
                    )
            pks.extend(batch)
            if model is University:
                for pk, (values, _) in zip(batch, built, strict=True):
                    self.universities_by_country.setdefault(values["country_id"], []).append(pk)
            self.progress(len(batch))
        table.reset_sequence()
        return pks


class Table:
    """Writes rows of field values to a model's table, the way bulk_create would store them:
    defaults for the fields not given, each translated field's base column from English."""

    def __init__(self, model, now):
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        translated = translator.get_options_for_model(model).all_fields
        self.base = {name: f"{name}_{settings.LANGUAGE_CODE}" for name in translated}
        auto = {f.attname: now for f in self.fields if getattr(f, "auto_now_add", False)}
        auto |= {f.attname: now for f in self.fields if getattr(f, "auto_now", False)}
        self.defaults = {f.attname: f.get_default() for f in self.fields} | auto
        self.prepare = {f.attname: preparer(f) for f in self.fields}
        self.prepare = {name: prepare for name, prepare in self.prepare.items() if prepare}
        largest = model._base_manager.aggregate(largest=Max("pk"))["largest"]
        self.next_pk = (largest or 0) + 1

    def row(self, pk, values):
        for base, english in self.base.items():
            values.setdefault(base, values.get(english, ""))
        row = [pk]
        for field in self.fields:
            value = values.get(field.attname, self.defaults[field.attname])
            if value is not None and field.attname in self.prepare:
                value = self.prepare[field.attname](value)
            row.append(value)
        return row

    def insert(self, rows):
        """Inserts `rows` (dicts of field values); returns their new pks."""
        pks = list(range(self.next_pk, self.next_pk + len(rows)))
        self.next_pk += len(rows)
        columns = [self.model._meta.pk.column, *(f.column for f in self.fields)]
        write(self.model._meta.db_table, columns, map(self.row, pks, rows))
        return pks

    def reset_sequence(self):
        """PostgreSQL's id sequence, past the ids given here, for the rows inserted later."""
        statements = connection.ops.sequence_reset_sql(no_style(), [self.model])
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def preparer(field):
    """How a value of `field` is written, when the driver can't take the Python value as it is.

    psycopg takes dates, times and decimals; SQLite stores them as Django's backend does (ISO
    text, times in UTC), done here without the per-value overhead of get_db_prep_save."""
    kind = field.get_internal_type()
    if connection.vendor == "postgresql" or kind not in ("DateField", "DateTimeField"):
        if kind == "DecimalField":
            return lambda value: field.get_db_prep_save(value, connection)
        return None
    if kind == "DateField":
        return datetime.date.isoformat
    return lambda value: value.astimezone(datetime.UTC).replace(tzinfo=None).isoformat(" ")


def write(table, columns, rows):
    """COPY on PostgreSQL, a prepared INSERT run for every row on SQLite."""
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    table = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {table} ({quoted}) VALUES ({marks})", list(rows))


def insert_links(model, relation, rows):
    """The many-to-many rows [(pk, [target pks])] of `relation`."""
    field = model._meta.get_field(relation)
    pairs = [(pk, target) for pk, targets in rows for target in targets]
    if pairs:
        columns = [field.m2m_column_name(), field.m2m_reverse_name()]
        write(field.remote_field.through._meta.db_table, columns, pairs)


def already_generated(seed):
    """Whether records of `seed` are in the database (a second run's slugs would collide)."""
    return any(
        model.objects.filter(source=source(seed)).exists()
        for model in (HeritageSite, University, Programme, Festival)
    )
