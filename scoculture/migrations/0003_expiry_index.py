"""Expiry times to come, only of the rows that expire: the public cache finds the next one
(scoculture.public_cache.next_scheduled_change) without reading the table."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('scoculture', '0002_is_example'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='country',
            index=models.Index(condition=models.Q(('expire_at__isnull', False)), fields=['expire_at'], name='country_expiry_idx'),
        ),
    ]
