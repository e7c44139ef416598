"""The staff groups and what each may do, kept in one place for migrations and tests."""

from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
REPORTING_STAFF = "Reporting staff"

# (app_label, model) of everything editors maintain.
CONTENT_MODELS = [
    ("scoculture", "country"),
    ("heritage", "heritagesite"),
    ("programmes", "university"),
    ("programmes", "programme"),
    ("programmes", "festival"),
    ("programmes", "priorityarea"),
    ("programmes", "language"),
    ("programmes", "fieldofstudy"),
    ("photos", "photo"),
]
# Removing a gallery image is part of editing; deleting content itself stays with admins.
EDITORS_MAY_DELETE = [("photos", "photo")]
EXPORT_PERMISSION = ("scoculture", "export_data")


def group_permissions(content_models=CONTENT_MODELS):
    """{group name: [(app_label, codename), ...]}"""
    editor_perms = [
        (app, f"{action}_{model}")
        for app, model in content_models
        for action in ("add", "change", "view")
    ] + [
        (app, f"delete_{model}")
        for app, model in content_models
        if (app, model) in EDITORS_MAY_DELETE
    ]
    reporting_perms = [(app, f"view_{model}") for app, model in content_models]
    return {
        EDITORS: editor_perms,
        REPORTING_STAFF: [*reporting_perms, EXPORT_PERMISSION],
    }


def sync_groups(apps, schema_editor=None, content_models=CONTENT_MODELS):
    """Create the groups and grant their permissions; safe to run again (migrations call it)."""
    # Permissions are normally created after migrate; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    # An earlier migration runs before later apps' models exist; their own migration adds them.
    content_models = [model for model in content_models if _in_state(apps, *model)]
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in group_permissions(content_models).items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in perms:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def _in_state(apps, app_label, model_name):
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        return False
    return True
