from django.db import migrations

from scoculture.permissions import make_staff_group_members_staff


class Migration(migrations.Migration):
    dependencies = [
        ("scoculture", "0001_initial"),
        ("programmes", "0002_staff_groups"),  # creates the groups
    ]

    operations = [
        migrations.RunPython(make_staff_group_members_staff, migrations.RunPython.noop),
    ]
