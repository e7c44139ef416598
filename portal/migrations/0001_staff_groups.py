"""The staff groups (Editors, Publishers, Reporting staff) with their permissions, once every
content app's models exist; members of a staff group are staff (scoculture.permissions)."""

from django.db import migrations

from scoculture.permissions import make_staff_group_members_staff, sync_groups


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("scoculture", "0001_initial"),
        ("photos", "0001_initial"),
        ("heritage", "0001_initial"),
        ("universities", "0001_initial"),
        ("programmes", "0001_initial"),
        ("festivals", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(sync_groups, migrations.RunPython.noop),
        migrations.RunPython(make_staff_group_members_staff, migrations.RunPython.noop),
    ]
