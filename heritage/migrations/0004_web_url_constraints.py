from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('heritage', '0003_web_url_fields'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='heritagesite',
            constraint=models.CheckConstraint(condition=models.Q(('official_url', ''), ('official_url__istartswith', 'http://'), ('official_url__istartswith', 'https://'), _connector='OR'), name='heritage_official_url_http'),
        ),
        migrations.AddConstraint(
            model_name='heritagesite',
            constraint=models.CheckConstraint(condition=models.Q(('virtual_tour_url', ''), ('virtual_tour_url__istartswith', 'http://'), ('virtual_tour_url__istartswith', 'https://'), _connector='OR'), name='heritage_virtual_tour_url_http'),
        ),
    ]
