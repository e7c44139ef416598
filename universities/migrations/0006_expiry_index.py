"""Expiry times to come, only of the rows that expire: the public cache finds the next one
(scoculture.public_cache.next_scheduled_change) without reading the table."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('scoculture', '0003_expiry_index'),
        ('universities', '0005_list_indexes'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='university',
            index=models.Index(condition=models.Q(('expire_at__isnull', False)), fields=['expire_at'], name='university_expiry_idx'),
        ),
    ]
