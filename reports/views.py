"""The staff reports page: each report as a table, an SVG chart and a CSV download."""

from django.http import Http404
from django.views.generic import TemplateView

from exports.exporters import ExportPermissionMixin, csv_response

from .exports import REPORTS

BY_SLUG = {report.identifier.removeprefix("report-"): report for report in REPORTS}


def get_report(slug):
    try:
        return BY_SLUG[slug]()
    except KeyError:
        raise Http404("No such report.") from None


class ReportIndexView(ExportPermissionMixin, TemplateView):
    template_name = "reports/index.html"

    def get_context_data(self, **kwargs):
        reports = list(BY_SLUG.items())
        return super().get_context_data(reports=reports, **kwargs)


class ReportView(ExportPermissionMixin, TemplateView):
    template_name = "reports/report.html"

    def get_context_data(self, **kwargs):
        report = get_report(kwargs["slug"])
        header, rows = report.table
        return super().get_context_data(
            report=report, header=header, rows=rows, chart=report.chart(), **kwargs
        )


class ReportCSVView(ExportPermissionMixin, TemplateView):
    def get(self, request, *args, slug, **kwargs):
        return csv_response(get_report(slug))
