from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from events import demo as events_demo
from events.models import Meeting
from federation.services import rebuild as rebuild_federation_log
from funding import demo as funding_demo
from funding.models import Bid, FundingOpportunity
from members import demo as members_demo
from members.models import Organisation
from portal import demo as site_demo
from search import glossary
from search.engines import get_engine
from solutions_catalog import demo as catalog_demo
from solutions_catalog.models import Adoption, CaseStudyPage, Theme


class Command(BaseCommand):
    help = "Create or update the demo content and one login per role. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Seed even with DEBUG off. The demo logins share a published password.",
        )

    def handle(self, *args, allow_production: bool = False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "Refusing to create demo logins with DEBUG off; pass --allow-production to insist."
            )
        with transaction.atomic(), translation.override("en"):
            logins = members_demo.seed()
            catalog_demo.seed()
        home_ko, home_en = site_demo.seed()
        catalog_demo.seed_pages(home_ko, home_en)
        site_demo.seed_theme_hubs(home_ko, home_en)
        site_demo.seed_site_pages(home_ko, home_en)
        site_demo.seed_resource_library(home_ko, home_en)
        with transaction.atomic():
            events_demo.seed()  # agendas name case studies: after the pages
            funding_demo.seed()  # and so do bids
        call_command("register_translations", stdout=self.stdout)  # the pairs, for wagtail-localize
        concepts = glossary.seed()  # names the organisations and taxonomy just seeded
        engine = get_engine()
        indexed = engine.rebuild()
        # Seeding writes in bulk, past the signals: the change feed catches up in one go.
        published = rebuild_federation_log()

        search = (f"{indexed} search documents ({engine.name} engine), "
                  f"{concepts} new glossary concepts, {published} changes published to peers")
        self.stdout.write(self.style.SUCCESS(
            f"Demo ready: {Organisation.objects.count()} organisations, "
            f"{Theme.objects.count()} themes, "
            f"{CaseStudyPage.objects.filter(locale__language_code='ko').count()} case studies "
            f"in Korean and English, {Adoption.objects.count()} adoptions, "
            f"{Meeting.objects.upcoming().count()} upcoming meetings, "
            f"{FundingOpportunity.objects.count()} funding opportunities, "
            f"{Bid.objects.count()} bids; {search}."
        ))
        self.stdout.write(
            f"Logins (development only, password '{members_demo.DEMO_PASSWORD}' for all):"
        )
        for email, role in logins.items():
            self.stdout.write(f"  {email:34} {role}")
        self.stdout.write(
            f"Staff second factor: TOTP secret {members_demo.STAFF_TOTP_SECRET} "
            "(or `python manage.py demo_totp` prints the current code)."
        )
