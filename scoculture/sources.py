"""Sources a reader understands: the editors' `source` note turned into citations.

An editor's note reads "seeds/000_….txt (section 5.5); dates illustrative;
https://whc.unesco.org/en/list/603": a file name, a remark for colleagues and a link. The
public pages cite only what a reader can follow up: each seed document by author, title,
publication and date (from `data/bibliography.json`), each World Heritage property as
"UNESCO World Heritage List, property N", and any other address by its site's name. The rest
of the note (remarks, unknown file names) stays in the admin.
"""

import datetime
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from babel.dates import format_skeleton
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

BIBLIOGRAPHY = Path(__file__).resolve().parent / "data" / "bibliography.json"

SEED = re.compile(r"seeds/\d{3}_[0-9a-f]{16}\.txt")
UNESCO = re.compile(r"https?://whc\.unesco\.org/(?:[a-z]{2}/)?list/(\d+)/?", re.IGNORECASE)
# An address ends at white space or at the punctuation that separates parts of the note.
URL = re.compile(r"https?://[^\s;,()<>\"']+")
# Precision of an ISO date in the bibliography: a year, a month, a day (CLDR skeletons).
SKELETONS = {4: "y", 7: "yMMM", 10: "yMMMd"}


@dataclass(frozen=True)
class Citation:
    """One source as a reader sees it. `title` is what links; the rest may be empty."""

    title: str
    url: str = ""
    authors: str = ""
    publication: str = ""
    date: str = ""  # ISO: "2024", "2024-12" or "2018-06-11"; "" when the source gives none
    is_document: bool = False  # a written work (cited in its own language, English)

    @property
    def when(self):
        """The date as the active language writes it, or "n.d." for an undated document."""
        if not self.date:
            return _("n.d.") if self.is_document else ""
        parts = [int(part) for part in self.date.split("-")] + [1, 1]
        value = datetime.date(*parts[:3])
        return format_skeleton(
            SKELETONS[len(self.date)], value, locale=to_locale(get_language() or "en")
        )


@cache
def bibliography():
    """The seed documents by their reference, as Citations (read once a process)."""
    with open(BIBLIOGRAPHY, encoding="utf-8") as file:
        entries = json.load(file)["entries"]
    return {
        reference: Citation(
            title=entry["title"],
            url=entry.get("url") or "",
            authors=", ".join(entry.get("authors") or ()),
            publication=entry.get("publication") or "",
            date=entry.get("date") or "",
            is_document=True,
        )
        for reference, entry in entries.items()
    }


def unesco_citation(reference):
    """'UNESCO World Heritage List, property 603' for a reference such as 603 or 603rev."""
    number = re.match(r"\d+", reference or "")
    if not number:
        return None
    number = number.group()
    return Citation(
        title=_("UNESCO World Heritage List, property %(number)s") % {"number": number},
        url=f"https://whc.unesco.org/en/list/{number}/",
    )


def cite(source, *, unesco_reference=""):
    """The citations in an editors' `source` note, in order, each once.

    A seed reference missing from the bibliography is left out rather than shown as a file
    name (a test keeps the bibliography complete for the demo data).
    """
    found = {}
    first = unesco_citation(unesco_reference)
    if first:
        found[first.url] = first
    for match in re.finditer(f"{SEED.pattern}|{URL.pattern}", source or ""):
        text = match.group()
        if SEED.fullmatch(text):
            citation = bibliography().get(text)
        elif unesco := UNESCO.match(text):
            citation = unesco_citation(unesco.group(1))
        else:
            host = urlsplit(text).hostname or text
            citation = Citation(title=host.removeprefix("www."), url=text)
        if citation is not None:
            found.setdefault(citation.url or citation.title, citation)
    return list(found.values())
