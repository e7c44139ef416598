"""Editors preview a draft's public page; nobody else can see it."""

import pytest
from django.urls import reverse

from festivals.tests.factories import FestivalFactory
from heritage.tests.factories import HeritageSiteFactory
from programmes.tests.factories import ProgrammeFactory
from scoculture.models import Publishable
from scoculture.tests.factories import CountryFactory
from universities.tests.factories import UniversityFactory

pytestmark = pytest.mark.django_db

FACTORIES = [CountryFactory, ProgrammeFactory, FestivalFactory, UniversityFactory]
FACTORIES += [HeritageSiteFactory]
BANNER = "Preview for editors"


@pytest.fixture(params=FACTORIES, ids=lambda f: f._meta.model.__name__)
def draft(request):
    return request.param(status=Publishable.Status.DRAFT, published_at=None)


def test_an_editor_previews_a_draft_marked_noindex_and_never_cached(editor_client, draft):
    response = editor_client.get(draft.get_absolute_url() + "?preview")
    assert response.status_code == 200
    html = response.content.decode()
    assert BANNER in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_draft_stays_a_404_for_everyone_else(client, django_user_model, draft):
    url = draft.get_absolute_url()
    assert client.get(url + "?preview").status_code == 404
    member = django_user_model.objects.create_user("visitor", password="pw")
    client.force_login(member)
    assert client.get(url + "?preview").status_code == 404


def test_staff_see_the_public_page_without_asking_for_a_preview(editor_client, draft):
    assert editor_client.get(draft.get_absolute_url()).status_code == 404


def test_a_preview_hides_related_drafts_as_visitors_would(editor_client):
    hidden = CountryFactory(name="Draftlandia", status=Publishable.Status.DRAFT)
    programme = ProgrammeFactory(status=Publishable.Status.DRAFT, partner_countries=[hidden])
    html = editor_client.get(programme.get_absolute_url() + "?preview").content.decode()
    assert BANNER in html
    assert "Draftlandia" not in html


def test_published_pages_carry_no_preview_marks(client):
    html = client.get(ProgrammeFactory().get_absolute_url() + "?preview").content.decode()
    assert BANNER not in html
    assert "noindex" not in html


def test_the_change_form_links_to_the_preview(editor_client):
    programme = ProgrammeFactory(status=Publishable.Status.DRAFT)
    url = reverse("admin:programmes_programme_change", args=[programme.pk])
    html = editor_client.get(url).content.decode()
    assert f'href="{programme.get_absolute_url()}?preview"' in html
