import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every photo test writes under its own empty MEDIA_ROOT."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = root
    return root


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())
