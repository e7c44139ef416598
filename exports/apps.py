from django.apps import AppConfig


class ExportsConfig(AppConfig):
    """The CSV framework: exporters, streaming writer, formula escaping, views, admin mixin,
    export_csv."""

    name = "exports"
    verbose_name = "CSV exports"
