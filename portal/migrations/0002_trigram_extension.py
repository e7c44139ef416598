"""pg_trgm, for the site search's typo matching (portal.search); nothing on SQLite
(CreateExtension does nothing on other databases). pg_trgm is a trusted extension, so the
database owner may create it without being a superuser (PostgreSQL 13 and later)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_staff_groups")]

    operations = [TrigramExtension()]
