"""Reading UNESCO's World Heritage List export and applying it to the heritage sites.

The World Heritage Centre publishes its list as a spreadsheet (`whc-sites-YYYY`); saved as
CSV, its columns are read by name, so newer exports with more columns read the same way.
A site is matched on its reference number (`id_no`), never on its name or slug.

What the import may change on a site that exists is split in two:

- UNESCO facts, always taken from the list: reference with its suffix (603rev), status
  (inscribed), category, criteria, year of inscription, the List in Danger flag, the
  countries (SCO members and observers among the property's states) and the coordinates.
  An empty cell (or the export's 0,0 for "no point") leaves the site's own value.
- Editor text, never overwritten: the names in every language, region, summary,
  description, links, slug, publication status and source. The English name, the Russian
  and Chinese names (from a names file) and the source are filled only where empty.
"""

import csv
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify

from scoculture.history import save_revisions, with_links
from scoculture.models import Country, Publishable

from .models import FIRST_INSCRIPTION_YEAR, HeritageSite

REQUIRED_COLUMNS = (
    "id_no",
    "rev_bis",
    "name_en",
    "date_inscribed",
    "danger",
    "longitude",
    "latitude",
    "criteria_txt",
    "category",
    "iso_code",
)
NAME_COLUMNS = ("id_no", "name_ru", "name_zh_hans")
CATEGORIES = {choice.label.lower(): choice.value for choice in HeritageSite.Category}
SUFFIXES = ("", "bis", "ter", "rev")
COORDINATE_PLACES = Decimal("0.000001")  # the model keeps six decimal places
SCO_STATUSES = (Country.SCOStatus.MEMBER, Country.SCOStatus.OBSERVER)


class FileError(Exception):
    """A malformed file: the message names the line at fault."""

    def __init__(self, line, message):
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


@dataclass
class Row:
    line: int
    id_no: int
    reference: str
    name: str
    year: int
    in_danger: bool
    latitude: Decimal | None
    longitude: Decimal | None
    criteria: str
    category: str
    iso_codes: list[str]
    states: str
    source: str

    @property
    def facts(self):
        facts = {
            "unesco_reference": self.reference,
            "unesco_status": HeritageSite.UNESCOStatus.INSCRIBED,
            "category": self.category,
            "criteria": self.criteria,
            "year_inscribed": self.year,
            "in_danger": self.in_danger,
            "latitude": self.latitude,
            "longitude": self.longitude,
        }
        # An empty cell says "not given", never "none": it leaves the site's own value.
        return {name: value for name, value in facts.items() if value not in ("", None)}

    @property
    def default_source(self):
        return (
            f"UNESCO World Heritage Centre, World Heritage List, property {self.reference}: "
            f"https://whc.unesco.org/en/list/{self.id_no}"
        )


@dataclass
class Report:
    added: list = field(default_factory=list)  # (reference, name)
    updated: list = field(default_factory=list)  # (reference, name, [fields])
    unchanged: int = 0
    skipped: list = field(default_factory=list)  # (reference, name, states)
    warnings: list = field(default_factory=list)

    def field_counts(self):
        return Counter(name for _ref, _name, fields in self.updated for name in fields)

    def summary(self):
        fields = ", ".join(f"{name} {n}" for name, n in sorted(self.field_counts().items()))
        return (
            f"added {len(self.added)}, updated {len(self.updated)}"
            + (f" ({fields})" if fields else "")
            + f", unchanged {self.unchanged}, skipped {len(self.skipped)} "
            "(states outside the SCO)"
        )


def read_text(path):
    """The file's text; a byte that is not UTF-8 is reported with its line."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise FileError(line, "not UTF-8 text (save the export as CSV UTF-8)") from error


def read_rows(text, required):
    """(line number, row dict) for each record of a CSV text whose header has `required`."""
    reader = csv.DictReader(text.splitlines(keepends=True), strict=True)
    try:
        header = reader.fieldnames
    except csv.Error as error:
        raise FileError(1, f"unreadable CSV ({error})") from error
    if not header:
        raise FileError(1, "empty file: no header row")
    missing = [name for name in required if name not in header]
    if missing:
        raise FileError(1, f"missing column {', '.join(missing)}")
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FileError(reader.line_num, f"unreadable CSV ({error})") from error
        if None in row or None in row.values():
            raise FileError(reader.line_num, f"{len(header)} cells expected")
        yield reader.line_num, {key: value.strip() for key, value in row.items()}


def whole_number(value, column):
    if not re.fullmatch(r"\d+", value):
        raise ValueError(f"{column} {value!r} is not a whole number")
    return int(value)


def year(value, column, *, first=FIRST_INSCRIPTION_YEAR):
    number = whole_number(value, column)
    last = timezone.localdate().year + 1
    if not first <= number <= last:
        raise ValueError(f"{column} {value!r} is not a year between {first} and {last}")
    return number


def flag(value, column):
    if value not in ("", "0", "1"):
        raise ValueError(f"{column} {value!r} is not 0 or 1")
    return value == "1"


def coordinate(value, column, limit):
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"{column} {value!r} is not a number") from None
    if not number.is_finite() or abs(number) > limit:
        raise ValueError(f"{column} {value!r} is not between -{limit} and {limit}")
    return number.quantize(COORDINATE_PLACES)


def coordinates(raw):
    """(latitude, longitude), or (None, None) where the list gives no point."""
    if not raw["latitude"] and not raw["longitude"]:
        return None, None
    if not raw["latitude"] or not raw["longitude"]:
        raise ValueError("give both latitude and longitude, or neither")
    latitude = coordinate(raw["latitude"], "latitude", 90)
    longitude = coordinate(raw["longitude"], "longitude", 180)
    if latitude == 0 and longitude == 0:
        return None, None  # the export's placeholder for a property without a point
    return latitude, longitude


def clean_name(value):
    """UNESCO's names carry HTML markup (Fujian <em>Tulou</em>) and doubled spaces."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", value)).split())


def parse_row(line, raw):
    id_no = whole_number(raw["id_no"], "id_no")
    suffix = raw["rev_bis"].lower()
    if suffix not in SUFFIXES:
        raise ValueError(f"rev_bis {raw['rev_bis']!r} is not Bis, Ter, Rev or empty")
    name = clean_name(raw["name_en"])
    if not name:
        raise ValueError("name_en is empty")
    category = CATEGORIES.get(raw["category"].lower())
    if category is None:
        raise ValueError(f"unknown category {raw['category']!r} (Cultural, Natural or Mixed)")
    criteria = raw["criteria_txt"].replace(" ", "").lower()
    if not re.fullmatch(r"(\((i|ii|iii|iv|v|vi|vii|viii|ix|x)\))*", criteria):
        raise ValueError(f"criteria_txt {raw['criteria_txt']!r} is not written as (ii)(iv)")
    codes = [code.strip().lower() for code in raw["iso_code"].split(",") if code.strip()]
    if not codes or not all(re.fullmatch(r"[a-z]{2}", code) for code in codes):
        raise ValueError(f"iso_code {raw['iso_code']!r} is not a list of two-letter codes")
    if raw.get("date_end"):
        year(raw["date_end"], "date_end")  # checked only: see README (List in Danger)
    flag(raw.get("transboundary", ""), "transboundary")
    latitude, longitude = coordinates(raw)
    return Row(
        line=line,
        id_no=id_no,
        reference=f"{id_no}{suffix}",
        name=name,
        year=year(raw["date_inscribed"], "date_inscribed"),
        in_danger=flag(raw["danger"], "danger"),
        latitude=latitude,
        longitude=longitude,
        criteria=criteria,
        category=category,
        iso_codes=codes,
        states=raw.get("states_name_en", ""),
        source=raw.get("source", ""),
    )


def parse_export(path):
    """Every row of a list export, checked: the first fault raises FileError."""
    rows, lines = [], {}
    for line, raw in read_rows(read_text(path), REQUIRED_COLUMNS):
        try:
            row = parse_row(line, raw)
        except ValueError as error:
            raise FileError(line, str(error)) from error
        if row.id_no in lines:
            raise FileError(line, f"id_no {row.id_no} repeats line {lines[row.id_no]}")
        lines[row.id_no] = line
        rows.append(row)
    return rows


def parse_names(path):
    """{id_no: {"name_ru": ..., "name_zh_hans": ...}} from a names file (empty cells left out)."""
    names = {}
    for line, raw in read_rows(read_text(path), NAME_COLUMNS):
        try:
            id_no = whole_number(raw["id_no"], "id_no")
        except ValueError as error:
            raise FileError(line, str(error)) from error
        if id_no in names:
            raise FileError(line, f"id_no {id_no} appears twice")
        names[id_no] = {key: raw[key] for key in NAME_COLUMNS[1:] if raw[key]}
    return names


def reference_number(reference):
    match = re.match(r"\d+", reference)
    return int(match.group()) if match else None


class Importer:
    """Applies parsed rows to the database; call inside a transaction (it writes as it goes)."""

    def __init__(self, rows, names=None, publish=False):
        self.rows = rows
        self.names = names or {}
        self.publish = publish
        self.report = Report()
        self.countries = {
            country.code: country for country in Country.objects.filter(sco_status__in=SCO_STATUSES)
        }
        if not self.countries:
            raise FileError(
                None, "no SCO member or observer country in the database: load those first"
            )
        self.sites, self.others = {}, {}
        for site in HeritageSite.objects.prefetch_related("countries"):
            number = reference_number(site.unesco_reference)
            if number is None:
                continue
            inscribed = site.unesco_status == HeritageSite.UNESCOStatus.INSCRIBED
            (self.sites if inscribed else self.others)[number] = site
        self.slugs = set(HeritageSite.objects.values_list("slug", flat=True))

    def run(self):
        touched = []
        for row in self.rows:
            if "?" in row.name:
                self.report.warnings.append(
                    f"line {row.line}: {row.name!r} has a '?' where a letter may have been lost"
                )
            codes = [code.upper() for code in row.iso_codes]
            countries = [self.countries[code] for code in codes if code in self.countries]
            if not countries:
                self.report.skipped.append((row.reference, row.name, row.states or row.iso_codes))
                continue
            site = self.sites.get(row.id_no)
            if site is None:
                touched.append(self.add(row, countries))
            elif fields := self.update(site, row, countries):
                touched.append(site)
                self.report.updated.append((site.unesco_reference, site.name_en, fields))
            else:
                self.report.unchanged += 1
        # A version for each site the import wrote, so its history says what the list changed.
        save_revisions(
            with_links(HeritageSite.objects.filter(pk__in=[site.pk for site in touched])),
            user=None,
            comment="import_whc: UNESCO World Heritage List export",
        )
        return self.report

    def check(self, site, row):
        """The model's own rules (criteria against category, ranges), named by line."""
        try:
            site.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            messages = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
            raise FileError(row.line, messages) from error

    def add(self, row, countries):
        other = self.others.get(row.id_no)
        if other is not None and other.unesco_reference == row.reference:
            raise FileError(
                row.line,
                f"reference {row.reference} belongs to {other.name_en!r}, which is not marked "
                "inscribed: correct its status or reference first",
            )
        site = HeritageSite(
            slug=self.unique_slug(row),
            name_en=row.name,
            source=row.source or row.default_source,
            status=Publishable.Status.PUBLISHED if self.publish else Publishable.Status.DRAFT,
            **row.facts,
            **self.names.get(row.id_no, {}),
        )
        self.check(site, row)
        site.save()
        site.countries.set(countries)
        self.report.added.append((site.unesco_reference, site.name_en))
        return site

    def update(self, site, row, countries):
        """The names of the fields changed: facts that differ, editor text that was empty."""
        changed = [name for name, value in row.facts.items() if getattr(site, name) != value]
        for name, value in row.facts.items():
            setattr(site, name, value)
        fill = {"name_en": row.name, "source": row.source or row.default_source}
        fill.update(self.names.get(row.id_no, {}))
        for name, value in fill.items():
            if value and not getattr(site, name):
                setattr(site, name, value)
                changed.append(name)
        if changed:
            self.check(site, row)
            site.save()
        if {c.pk for c in site.countries.all()} != {c.pk for c in countries}:
            site.countries.set(countries)
            changed.append("countries")
        return changed

    def unique_slug(self, row):
        slug = slugify(row.name)[:190].strip("-") or "whc"
        if slug in self.slugs:
            slug = f"{slug}-{row.id_no}"
        self.slugs.add(slug)
        return slug
