"""Which code is running: a digest of what builds the public pages, so that a deployment
starts a new content generation (scoculture.public_cache) and reads nothing stored by the code
before it: pages, cards and kept rows are filed under the generation, and a kept row pickled
by older models, or a card of an older template, must not outlive the code that made it.

`DJANGO_RELEASE` names the release (a commit, an image tag); without it, the digest of the
project's Python files, templates, compiled translations and lock files, read once per process.
"""

import hashlib
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings

SUFFIXES = (".py", ".html", ".txt", ".mo")


def digest(root, folders):
    """One digest of every file with a SUFFIXES ending under `folders`, by content and path
    from `root` (every app server of a release has the same, wherever it is installed)."""
    files = sorted({path for folder in folders for path in Path(folder).rglob("*")})
    code = hashlib.md5()
    for path in files:
        if path.suffix in SUFFIXES and path.is_file():
            code.update(str(path.relative_to(root)).encode())
            code.update(path.read_bytes())
    return code.hexdigest()


@cache
def code_release():
    if settings.RELEASE:
        return settings.RELEASE
    base = Path(settings.BASE_DIR).resolve()
    project_apps = [
        path
        for path in (Path(config.path).resolve() for config in apps.get_app_configs())
        if path.is_relative_to(base) and "site-packages" not in path.parts
    ]
    # The installed packages by their locked versions, not their files.
    folders = [*project_apps, base / "scoculture", base / "templates", base / "locale"]
    return digest(base, [*folders, base / "requirements"])
