"""What a theme hub shows, gathered from every app in a fixed number of queries."""

from django.db.models import Count, Q
from django.utils.translation import get_language

from events.models import Meeting
from funding.models import FundingOpportunity, OpportunityStatus
from members.models import Organisation
from solutions_catalog.harvested import listed as harvested_listed
from solutions_catalog.models import CaseStudyPage, Challenge

LATEST = 6


def hub_context(hub, user) -> dict:
    theme = hub.theme
    # The hub is served in its own language; case studies written only in the other one
    # follow, marked.
    readable = CaseStudyPage.objects.for_reader(get_language()).select_related("city")
    # Featured pages are chosen once; each language's hub shows its own translation.
    keys = [f.case_study.translation_key for f in hub.featured.select_related("case_study")]
    featured = sorted(readable.filter(translation_key__in=keys),
                      key=lambda page: (page.other_language, keys.index(page.translation_key)))
    latest = sorted(readable.filter(themes=theme).exclude(translation_key__in=keys)
                    .order_by("-first_published_at")[:LATEST],
                    key=lambda page: page.other_language)
    meetings = Meeting.objects.scheduled().filter(theme=theme)
    return {
        "theme": theme,
        "featured": featured,
        "latest": latest,
        "network": harvested_listed(theme=theme.slug, limit=LATEST),
        "next_meetings": meetings.upcoming()[:3],
        "minutes": meetings.past().filter(minutes_published_at__isnull=False)[:3],
        "opportunities": (FundingOpportunity.objects.visible_to(user)
                          .exclude(status=OpportunityStatus.CLOSED).filter(themes=theme)
                          .order_by("deadline")[:4]),
        "challenges": Challenge.objects.open().filter(themes=theme)
        .select_related("city").order_by("deadline")[:4],
        # Organisations whose own work is on the theme: their published case studies, in
        # whichever language.
        "organisations": Organisation.objects.active().annotate(
            on_theme=Count("case_studies__translation_key", distinct=True, filter=Q(
                case_studies__themes=theme, case_studies__live=True)))
        .filter(on_theme__gt=0).order_by("-on_theme", "name_en")[:8],
    }
