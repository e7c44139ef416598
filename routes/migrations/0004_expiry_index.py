"""Expiry times to come, only of the rows that expire: the public cache finds the next one
(scoculture.public_cache.next_scheduled_change) without reading the table."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('routes', '0003_search_index'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='route',
            index=models.Index(condition=models.Q(('expire_at__isnull', False)), fields=['expire_at'], name='route_expiry_idx'),
        ),
    ]
