"""Citations from the editors' `source` notes: documents by title, UNESCO by reference."""

from django.utils import translation

from scoculture.sources import bibliography, cite

PAPER = "seeds/000_df61f48d454260ef.txt"
ARTICLE = "seeds/001_136ba648e99dbd5c.txt"
UNDATED = "seeds/004_ee419518eaa62471.txt"


def titles(citations):
    return [citation.title for citation in citations]


def test_a_seed_reference_becomes_its_bibliography_entry():
    [citation] = cite(f"{PAPER} (section 5.5); course illustrative")
    assert citation.title.startswith("Analysis of Current Conditions")
    assert citation.authors == "Liang Quan, Zou Tongqian, Huang Linlin"
    assert citation.publication.startswith("American Journal of Political Science")
    assert citation.is_document


def test_remarks_for_editors_and_unknown_files_are_left_out():
    citations = cite("seeds/999_0000000000000000.txt (a lost file); dates illustrative")
    assert citations == []


def test_unesco_addresses_become_the_list_and_its_property_number():
    [citation] = cite(f"{PAPER}; https://whc.unesco.org/en/list/1442")[1:]
    assert citation.title == "UNESCO World Heritage List, property 1442"
    assert citation.url == "https://whc.unesco.org/en/list/1442/"


def test_a_sites_own_reference_comes_first_and_each_source_once():
    citations = cite(
        f"{ARTICLE}; https://whc.unesco.org/en/list/603; {ARTICLE} (again)",
        unesco_reference="603rev",
    )
    assert titles(citations) == [
        "UNESCO World Heritage List, property 603",
        bibliography()[ARTICLE].title,
    ]


def test_other_addresses_are_named_by_their_site():
    [citation] = cite("https://www.msu.ru/; SCO University network member; areas illustrative")
    assert (citation.title, citation.url) == ("msu.ru", "https://www.msu.ru/")


def test_dates_are_written_as_the_language_writes_them():
    article, paper, undated = (bibliography()[key] for key in (ARTICLE, PAPER, UNDATED))
    assert article.when == "Jun 11, 2018"
    assert paper.when == "Dec 2024"
    assert undated.when == "n.d."
    with translation.override("zh-hans"):
        assert article.when == "2018年6月11日"
        assert undated.when == "无日期"
    with translation.override("ru"):
        assert paper.when.startswith("дек")
        assert cite("https://whc.unesco.org/en/list/438")[0].title == (
            "Список всемирного наследия ЮНЕСКО, объект 438"
        )


def test_no_input_no_citation():
    assert cite("") == cite(None) == []
