"""``manage.py federation status | harvest [--peer URL] | register URL [--language ko|en]``."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from harvest import operations, services
from harvest.models import Peer


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else "-"


class Command(BaseCommand):
    # Help is read when the parser is made: plain strings in the site's language, as argparse
    # takes no lazy ones.
    @property
    def help(self) -> str:
        return _("Peer nodes of the federation: their status, harvesting them, registering one.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--language", choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help=_("language of the output (the site's default language unless given)"))
        commands = parser.add_subparsers(dest="command", required=True)
        commands.add_parser("status", help=_("peers, last harvest, last seen, items, errors"))
        harvest = commands.add_parser("harvest", help=_("harvest confirmed peers now"))
        harvest.add_argument("--peer", help=_("only the peer at this address"))
        register = commands.add_parser("register", help=_("register the peer at this address"))
        register.add_argument("url")

    def handle(self, *args, command: str, language: str, **options) -> None:
        # Output, errors and reports in the operator's language: the site's, or --language.
        with translation.override(language):
            getattr(self, command)(**options)

    def status(self, **options) -> None:
        rows = operations.peer_rows()
        if not rows:
            self.stdout.write(_("No peer nodes registered."))
        for row in rows:
            peer = row["peer"]
            items = (", ".join(f"{kind} {n}" for kind, n in row["items"].items())
                     or _("no items"))
            self.stdout.write(f"{peer} <{peer.url}>\n" + _(
                "  status: %(status)s; last harvest: %(harvested)s; last seen: %(seen)s; "
                "next: %(next)s\n"
                "  items: %(items)s; refusals in the last day: %(refusals)s\n"
                "  failures in a row: %(failures)s; last error: %(error)s") % {
                    "status": peer.get_status_display(),
                    "harvested": _when(peer.last_harvest_at),
                    "seen": _when(peer.last_success_at), "next": _when(peer.next_harvest_at),
                    "items": items, "refusals": peer.refusals_last_day,
                    "failures": peer.failures, "error": peer.last_error or "-"})

    def harvest(self, *, peer: str | None = None, **options) -> None:
        peers = Peer.objects.confirmed()
        if peer:
            peers = peers.filter(url=services.normalise(peer))
            if not peers:
                raise CommandError(_("No confirmed peer at %(url)s.") % {"url": peer})
        failed = False
        for one in peers:
            try:
                report = services.harvest(one)
            except services.PeerBusy:
                self.stdout.write(_("%(url)s: being harvested by another worker, left alone")
                                  % {"url": one.url})
                continue
            failed = failed or bool(report.error)
            self.stdout.write(str(report))
        if failed:
            raise CommandError(_("Some peers could not be harvested; see above."))

    def register(self, *, url: str, **options) -> None:
        try:
            peer = services.register_peer(url)
        except services.RegistrationError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{peer} <{peer.url}>: {peer.get_status_display()}")
