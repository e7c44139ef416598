"""Make sure an admin account exists, without ever touching one that does."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the superuser 'admin' if no superuser exists. The password comes from "
        "DJANGO_SUPERUSER_PASSWORD, else one is generated and printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--username", default=os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
        )
        parser.add_argument("--email", default=os.environ.get("DJANGO_SUPERUSER_EMAIL", ""))
        parser.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="Where the site runs, for the sign-in address printed (make run passes it).",
        )

    def handle(self, *args, username, email, site_url, **options):
        login = f"Log in at {site_url.rstrip('/')}/admin/"
        User = get_user_model()
        existing = User.objects.filter(is_superuser=True).order_by("pk").first()
        if existing:
            self.stdout.write(
                f"Admin account '{existing.get_username()}' exists; its password is unchanged. "
                + login
            )
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=email, password=password)
        shown = (
            "from DJANGO_SUPERUSER_PASSWORD"
            if os.environ.get("DJANGO_SUPERUSER_PASSWORD")
            else password
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Created admin account '{username}' (password: {shown}). "
                f"{login} - this password is shown only once."
            )
        )
