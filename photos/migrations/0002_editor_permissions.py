from django.db import migrations

from scoculture.permissions import sync_groups


class Migration(migrations.Migration):
    """Editors add, change and delete photos; reporting staff view them."""

    dependencies = [
        ("photos", "0001_initial"),
        ("programmes", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
