"""makemessages without fuzzy matching: a guessed translation is worse than a missing one."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
    # Keep the catalogues free of the project's own virtualenv and build output.
    default_ignore = ["staticfiles/*", "bench/*", "*/tests/*", "conftest.py", "media/*"]

    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *self.default_ignore]
        options.setdefault("no_obsolete", True)
        return super().handle(*args, **options)
