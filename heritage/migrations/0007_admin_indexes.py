"""The admin's indexes: publication times in order, which the date drill-down steps along
(scoculture.admin_dates) instead of truncating every row's date, and on PostgreSQL a trigram
index of the alternate names, the one column the admin's search reads that had none (its
OR of LIKEs could use no index at all, and read the whole table)."""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import migrations, models
from django.db.models.functions import Upper

from scoculture.operations import AddIndexOnPostgreSQL


class Migration(migrations.Migration):

    dependencies = [
        ('heritage', '0006_expiry_index'),
        ('scoculture', '0003_expiry_index'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='heritagesite',
            index=models.Index(fields=['published_at'], name='heritage_published_idx'),
        ),
        AddIndexOnPostgreSQL(
            'heritagesite',
            GinIndex(
                OpClass(Upper('alternate_names'), name='gin_trgm_ops'),
                name='heritage_trgm_alternate',
            ),
        ),
    ]
