"""The staff groups' permissions on routes and their stops (the groups are made earlier)."""

from django.db import migrations

from scoculture.permissions import sync_groups


class Migration(migrations.Migration):
    dependencies = [
        ("routes", "0001_initial"),
        ("portal", "0001_staff_groups"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
