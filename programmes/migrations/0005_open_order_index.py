"""An open call's place in deadline order, rolling admissions last (programmes.models.OPEN_ORDER):
a festival page's open programmes of its host read a range of this index from today."""

import datetime
import django.db.models.functions.comparison
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('heritage', '0005_list_indexes'),
        ('programmes', '0004_list_indexes'),
        ('scoculture', '0002_is_example'),
        ('universities', '0005_list_indexes'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='programme',
            index=models.Index(django.db.models.functions.comparison.Coalesce('application_deadline', models.Value(datetime.date(9999, 12, 31))), name='programme_open_order_idx'),
        ),
    ]
