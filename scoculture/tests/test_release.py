"""A deployment starts a new content generation: nothing stored by the code before it (pages,
cards, kept rows) is read by the new code."""

import pytest
from django.test import Client

from programmes.models import Programme
from programmes.tests.factories import ProgrammeFactory
from scoculture.release import code_release, digest


@pytest.fixture
def release(settings):
    def deploy(name):
        settings.RELEASE = name
        code_release.cache_clear()

    yield deploy
    code_release.cache_clear()


@pytest.mark.django_db
def test_a_new_release_reads_nothing_the_old_one_kept(release, settings):
    settings.PUBLIC_FRAGMENT_CACHE = True
    visitor = Client()
    programme = ProgrammeFactory(title="Steppe school")
    release("one")
    assert "Steppe school" in visitor.get(programme.get_absolute_url()).content.decode()
    # A change no signal tells of (as a migration's data step makes): the kept rows stay.
    Programme.objects.filter(pk=programme.pk).update(title_en="Steppe academy")
    assert "Steppe school" in visitor.get(programme.get_absolute_url()).content.decode()
    release("two")
    assert "Steppe academy" in visitor.get(programme.get_absolute_url()).content.decode()


def test_the_digest_follows_the_code_not_where_it_lies(tmp_path):
    def project(root, template="<p>{{ x }}</p>"):
        (root / "app" / "templates").mkdir(parents=True)
        (root / "app" / "views.py").write_text("def view(): pass\n")
        (root / "app" / "templates" / "page.html").write_text(template)
        (root / "app" / "notes.po").write_text("not code")
        return digest(root, [root / "app"])

    first = project(tmp_path / "one")
    assert project(tmp_path / "two") == first
    assert project(tmp_path / "three", template="<p>{{ y }}</p>") != first
    (tmp_path / "one" / "app" / "notes.po").write_text("changed, still not code")
    assert digest(tmp_path / "one", [tmp_path / "one" / "app"]) == first


def test_a_named_release_is_taken_as_it_is(release):
    release("2026.12.03-abc123")
    assert code_release() == "2026.12.03-abc123"
