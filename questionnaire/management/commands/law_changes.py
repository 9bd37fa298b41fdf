from django.conf import settings
from django.core.management.base import BaseCommand

from rules import lawbook


class Command(BaseCommand):
    help = "Brings the README's changelog of the law up to date from rules/law/ (make law-changes)."

    def handle(self, *args, **options):
        readme = settings.BASE_DIR / "README.md"
        readme.write_text(
            lawbook.with_changes(readme.read_text(encoding="utf-8")), encoding="utf-8"
        )
