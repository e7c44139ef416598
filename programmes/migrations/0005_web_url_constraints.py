from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('programmes', '0004_web_url_fields'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='festival',
            constraint=models.CheckConstraint(condition=models.Q(('website', ''), ('website__istartswith', 'http://'), ('website__istartswith', 'https://'), _connector='OR'), name='festival_website_http'),
        ),
        migrations.AddConstraint(
            model_name='programme',
            constraint=models.CheckConstraint(condition=models.Q(('website', ''), ('website__istartswith', 'http://'), ('website__istartswith', 'https://'), _connector='OR'), name='programme_website_http'),
        ),
        migrations.AddConstraint(
            model_name='university',
            constraint=models.CheckConstraint(condition=models.Q(('website', ''), ('website__istartswith', 'http://'), ('website__istartswith', 'https://'), _connector='OR'), name='university_website_http'),
        ),
    ]
