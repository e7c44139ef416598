from django.db import migrations

from scoculture.permissions import sync_groups


class Migration(migrations.Migration):
    """The Publishers group: editors' permissions and, theirs alone, publish_content."""

    dependencies = [
        ("scoculture", "0004_review"),
        ("programmes", "0007_review"),
        ("heritage", "0006_review"),
        ("photos", "0002_editor_permissions"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
