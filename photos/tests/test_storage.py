"""Media storage by configuration: the file system by default, S3 when a bucket is named.

Settings modules are re-imported with a patched environment; nothing touches the network.
"""

import importlib

import pytest

S3_ENV = {
    "AWS_STORAGE_BUCKET_NAME": "sco-media",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
    "AWS_S3_REGION_NAME": "eu-central-1",
    "AWS_S3_CUSTOM_DOMAIN": "media.example.org",
    "AWS_ACCESS_KEY_ID": "key",
    "AWS_SECRET_ACCESS_KEY": "secret",
}


def load(module, monkeypatch, env):
    for name in S3_ENV:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    base = importlib.import_module("scoculture.settings.base")
    importlib.reload(base)
    settings_module = importlib.import_module(f"scoculture.settings.{module}")
    return importlib.reload(settings_module)


@pytest.fixture(autouse=True)
def restore_settings_modules(monkeypatch):
    yield
    monkeypatch.undo()
    for module in ("base", "dev", "test"):
        importlib.reload(importlib.import_module(f"scoculture.settings.{module}"))


@pytest.mark.parametrize("module", ["base", "dev"])
def test_file_system_by_default(monkeypatch, module):
    loaded = load(module, monkeypatch, {})
    assert loaded.STORAGES["default"]["BACKEND"] == ("django.core.files.storage.FileSystemStorage")


@pytest.mark.parametrize("module", ["base", "dev"])
def test_s3_when_a_bucket_is_named(monkeypatch, module):
    loaded = load(module, monkeypatch, S3_ENV)
    default = loaded.STORAGES["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    options = default["OPTIONS"]
    assert options["bucket_name"] == "sco-media"
    assert options["endpoint_url"] == "https://s3.example.org"
    assert options["region_name"] == "eu-central-1"
    assert options["custom_domain"] == "media.example.org"
    assert options["querystring_auth"] is False
    assert "immutable" in options["object_parameters"]["CacheControl"]
    # Static files stay with whitenoise whatever happens to media.
    assert "S3" not in loaded.STORAGES["staticfiles"]["BACKEND"]


def test_s3_storage_builds_urls_offline(monkeypatch):
    from storages.backends.s3 import S3Storage

    options = load("base", monkeypatch, S3_ENV).STORAGES["default"]["OPTIONS"]
    storage = S3Storage(**options)
    url = storage.url("photos/ab/abc/site-card.webp")
    assert url == "https://media.example.org/photos/ab/abc/site-card.webp"
