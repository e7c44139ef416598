"""PostgreSQL only: the inscription years newest first, the sites without one last, as the list
sorts them (`?sort=newest`). Going up, `heritage_year_idx` serves the oldest first; going
down it puts the sites without a year first, so PostgreSQL sorted every published site for
the newest (230 ms at 100,000). SQLite cannot index NULLS LAST, and sorts its few rows."""

from django.db import migrations, models
from django.db.models import F

from scoculture.operations import AddIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [("heritage", "0009_updated_index")]

    operations = [
        AddIndexOnPostgreSQL(
            "heritagesite",
            models.Index(
                F("year_inscribed").desc(nulls_last=True), name="heritage_year_newest_idx"
            ),
        ),
    ]
