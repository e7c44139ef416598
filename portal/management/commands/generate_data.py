"""Synthetic programmes, festivals, universities and heritage sites at scale, for benchmarks."""

import argparse
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from portal.synthetic import Generator, NoCountries, Plan, already_generated
from scoculture.public_cache import content_changed


def count(value):
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 or more, not {value!r}")
    return number


def positive(value):
    number = count(value)
    if number == 0:
        raise argparse.ArgumentTypeError("expected a whole number above 0")
    return number


class Command(BaseCommand):
    help = (
        "Insert synthetic records for benchmarks: each is labelled 'synthetic' in its source "
        "and marked an example. The same --seed on the same data gives the same rows. "
        "Countries, languages, fields of study and priority areas come from the demo data "
        "when their tables are empty."
    )

    def add_arguments(self, parser):
        plan = Plan()
        parser.add_argument("--programmes", type=count, default=plan.programmes)
        parser.add_argument("--festivals", type=count, default=plan.festivals)
        parser.add_argument("--universities", type=count, default=plan.universities)
        parser.add_argument("--heritage-sites", type=count, default=plan.heritage_sites)
        parser.add_argument("--seed", type=count, default=plan.seed)
        parser.add_argument(
            "--batch-size", type=positive, default=plan.batch_size, help="rows a transaction"
        )

    def handle(self, *args, **options):
        plan = Plan(
            programmes=options["programmes"],
            festivals=options["festivals"],
            universities=options["universities"],
            heritage_sites=options["heritage_sites"],
            seed=options["seed"],
            batch_size=options["batch_size"],
        )
        if already_generated(plan.seed):
            raise CommandError(
                f"Records of seed {plan.seed} are already in the database (their slugs would "
                "collide): choose another --seed."
            )
        # The bar goes to stderr, and only when someone is watching (not under cron or tests).
        bar = tqdm(
            total=plan.total,
            unit=" rows",
            disable=not self.stderr._out.isatty(),
            file=self.stderr._out,
        )
        started = time.perf_counter()
        with bar:
            try:
                created = Generator(plan, progress=bar.update).run()
            except NoCountries as error:
                raise CommandError(str(error)) from error
        seconds = time.perf_counter() - started
        content_changed()  # bulk inserts send no post_save: cached pages start afresh
        summary = ", ".join(
            f"{n} {model._meta.verbose_name_plural}" for model, n in created.items()
        )
        self.stdout.write(
            f"Generated {summary} (seed {plan.seed}) in {seconds:.1f} s: "
            f"{plan.total / max(seconds, 1e-9):,.0f} rows/s."
        )
