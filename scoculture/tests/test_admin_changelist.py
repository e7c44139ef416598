"""A searched or filtered changelist lists the newest first unless the editor sorts by a
column (scoculture.admin_changelist): the order an index serves whatever was asked."""

import pytest
from django.urls import reverse

from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:programmes_programme_changelist")


@pytest.fixture
def older_and_newer():
    older = ProgrammeFactory(title="Alpha silk school", kind=Programme.Kind.SUMMER_SCHOOL)
    newer = ProgrammeFactory(title="Beta silk school", kind=Programme.Kind.SUMMER_SCHOOL)
    return older, newer


def listed(client, query):
    cl = client.get(CHANGELIST, query).context["cl"]
    return list(cl.result_list), cl


@pytest.mark.parametrize(
    "query", [{"q": "silk"}, {"kind__exact": "summer_school"}, {"start_date__year": "2030"}]
)
def test_a_narrowed_list_comes_newest_first_and_no_column_claims_the_order(
    admin_client, older_and_newer, query
):
    older, newer = older_and_newer
    for programme in (older, newer):  # in the year asked for
        Programme.objects.filter(pk=programme.pk).update(
            start_date="2030-06-01", end_date="2030-06-30"
        )
    rows, cl = listed(admin_client, query)
    assert rows == [newer, older]
    assert cl.get_ordering_field_columns() == {}


def test_the_whole_list_and_a_sorted_search_keep_their_order(admin_client, older_and_newer):
    older, newer = older_and_newer
    assert listed(admin_client, {})[0] == [older, newer]  # by title
    by_title = listed(admin_client, {"q": "silk", "o": "1"})  # 0: the checkboxes
    assert by_title[0] == [older, newer]
    assert by_title[1].get_ordering_field_columns() == {1: "asc"}
