"""Expiry times to come, only of the rows that expire: the public cache finds the next one
(scoculture.public_cache.next_scheduled_change) without reading the table."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('festivals', '0006_edition_translations'),
        ('heritage', '0006_expiry_index'),
        ('scoculture', '0003_expiry_index'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='festival',
            index=models.Index(condition=models.Q(('expire_at__isnull', False)), fields=['expire_at'], name='festival_expiry_idx'),
        ),
    ]
