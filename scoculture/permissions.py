"""The staff groups and what each may do, kept in one place for migrations and tests."""

from django.contrib.auth.management import create_permissions

EDITORS = "Editors"
PUBLISHERS = "Publishers"
REPORTING_STAFF = "Reporting staff"
# Members sign in through the admin's login, which admits staff only: joining makes one staff.
STAFF_GROUPS = (EDITORS, PUBLISHERS, REPORTING_STAFF)

# (app_label, model) of everything editors maintain.
CONTENT_MODELS = [
    ("scoculture", "country"),
    ("heritage", "heritagesite"),
    ("universities", "university"),
    ("programmes", "programme"),
    ("festivals", "festival"),
    ("universities", "priorityarea"),
    ("programmes", "language"),
    ("programmes", "fieldofstudy"),
    ("photos", "photo"),
    ("routes", "route"),
    ("routes", "routestop"),
]
# Removing a gallery image or a route's stop is part of editing; deleting content itself
# stays with admins.
EDITORS_MAY_DELETE = [("photos", "photo"), ("routes", "routestop")]
EXPORT_PERMISSION = ("scoculture", "export_data")
PUBLISH_PERMISSION = ("scoculture", "publish_content")


def group_permissions(content_models=CONTENT_MODELS, publishing=True):
    """{group name: [(app_label, codename), ...]}; `publishing`: whether the publish
    permission exists yet (the migrations before it was added run this too)."""
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
        # Publishers edit as editors do, and alone publish, unpublish and schedule.
        PUBLISHERS: [*editor_perms, *([PUBLISH_PERMISSION] if publishing else [])],
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
    publishing = _in_state(apps, "scoculture", "publishing")
    for name, perms in group_permissions(content_models, publishing).items():
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


def grant_staff_status(sender, instance, action, reverse, model, pk_set, **kwargs):
    """m2m_changed on User.groups: whoever joins a staff group gets is_staff.

    Leaving a group keeps it: staff status may have been given for another reason, and a
    staff user without permissions sees an empty admin.
    """
    if action != "post_add" or not pk_set:
        return
    if reverse:  # group.user_set.add(users): instance is the group, model the user model
        if instance.name in STAFF_GROUPS:
            model.objects.filter(pk__in=pk_set, is_staff=False).update(is_staff=True)
    elif (
        not instance.is_staff
        and model.objects.filter(pk__in=pk_set, name__in=STAFF_GROUPS).exists()
    ):
        type(instance).objects.filter(pk=instance.pk).update(is_staff=True)
        instance.is_staff = True


def make_staff_group_members_staff(apps, schema_editor=None):
    """For members who joined before grant_staff_status existed (a migration calls it)."""
    User = apps.get_model("auth", "User")
    User.objects.filter(groups__name__in=STAFF_GROUPS, is_staff=False).update(is_staff=True)
