"""Publication times in order: the admin's date drill-down steps along them
(scoculture.admin_dates) instead of truncating every row's date."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('scoculture', '0003_expiry_index'),
        ('universities', '0006_expiry_index'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='university',
            index=models.Index(fields=['published_at'], name='university_published_idx'),
        ),
    ]
