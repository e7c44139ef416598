"""Light stemming of search words, shared by the site search and the list filters.

Not a stemmer of any language: it strips the commonest English plural and Russian case or
number ending from a query word, and the caller then matches the rest as a word prefix, so
"roads" finds "road" and "roads", "фестивали" finds "фестиваль", "Бухары" finds "Бухара".
The documents are never stemmed (they are in three languages, with no one stemmer for all),
which is why the search has to stay a prefix search: "festival" finds "festivals" already.

Uzbek adds its case and plural endings to a name, in its Latin and its Cyrillic script alike:
"Samarqandda" / "Самарқандда" (in Samarkand), "Buxoroning" / "Бухоронинг" (of Bukhara).
`uzbek_base()` cuts one off; the caller matches what is left only as a whole word (a site's
alternate name), since English and Russian words end the same way ("trai-ning", "прав-да").
"""

import re

# Longest first, so "ами" is tried before "и".
RUSSIAN_ENDINGS = (
    *("ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "иях"),
    *("ях", "ах", "ов", "ев", "ей", "ой", "ий", "ый", "ая", "яя", "ое", "ее", "ом", "ем"),
    *("ам", "ям", "ую", "юю", "ы", "и", "а", "я", "у", "ю", "е", "о", "ь"),
)
MIN_STEM = 3  # "bus" stays "bus"; a stem of two letters would match half the site
CYRILLIC = re.compile(r"[а-яё]")


def stem(word):
    """The beginning of `word` (lower case) that its other forms share."""
    word = word.lower()
    if CYRILLIC.search(word):
        for ending in RUSSIAN_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
                return word[: -len(ending)]
        return word
    for ending in ("ies", "es", "s"):
        # "courses" -> "cours", "studies" -> "stud": prefixes of every form.
        long_enough = len(word) - len(ending) >= MIN_STEM
        if word.endswith(ending) and not word.endswith("ss") and long_enough:
            return word[: -len(ending)]
    return word


# Genitive, accusative, dative, locative, ablative, "that is in", plural and their pairs;
# longest first.
UZBEK_LATIN_ENDINGS = (
    *("larning", "lardagi", "lardan", "larda", "larga", "larni"),
    *("dagi", "ning", "niki", "dan", "tan", "lar", "ga", "ka", "qa", "da", "ni"),
)
# The same endings in the Cyrillic script (қ for q, нг for ng).
UZBEK_CYRILLIC_ENDINGS = (
    *("ларнинг", "лардаги", "лардан", "ларда", "ларга", "ларни"),
    *("даги", "нинг", "ники", "дан", "тан", "лар", "га", "ка", "қа", "да", "ни"),
)
MIN_UZBEK_BASE = 4  # "Xiva" + "ga"; a shorter rest would be a word of its own too often
UZBEK_SCRIPTS = (
    (re.compile(r"[a-z]+"), UZBEK_LATIN_ENDINGS),
    (re.compile(r"[а-яёўқғҳ]+"), UZBEK_CYRILLIC_ENDINGS),
)


def uzbek_base(word):
    """`word` (lower case) without one Uzbek ending, or None: "samarqandda" -> "samarqand"."""
    endings = next((endings for script, endings in UZBEK_SCRIPTS if script.fullmatch(word)), ())
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_UZBEK_BASE:
            return word[: -len(ending)]
    return None
