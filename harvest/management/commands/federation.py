"""``manage.py federation status | harvest [--peer URL] | register URL``."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from harvest import operations, services
from harvest.models import Peer


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else "-"


class Command(BaseCommand):
    help = "Peer nodes of the federation: their status, harvesting them, registering one."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        commands.add_parser("status", help="peers, last harvest, last seen, items, errors")
        harvest = commands.add_parser("harvest", help="harvest confirmed peers now")
        harvest.add_argument("--peer", help="only the peer at this address")
        register = commands.add_parser("register", help="register the peer at this address")
        register.add_argument("url")

    def handle(self, *args, command: str, **options) -> None:
        getattr(self, command)(**options)

    def status(self, **options) -> None:
        rows = operations.peer_rows()
        if not rows:
            self.stdout.write("No peer nodes registered.")
        for row in rows:
            peer = row["peer"]
            items = ", ".join(f"{kind} {n}" for kind, n in row["items"].items()) or "no items"
            self.stdout.write(
                f"{peer} <{peer.url}>\n"
                f"  status: {peer.status}; last harvest: {_when(peer.last_harvest_at)}; "
                f"last seen: {_when(peer.last_success_at)}; "
                f"next: {_when(peer.next_harvest_at)}\n"
                f"  items: {items}; refusals in the last day: {peer.refusals_last_day}\n"
                f"  failures in a row: {peer.failures}; last error: {peer.last_error or '-'}")

    def harvest(self, *, peer: str | None = None, **options) -> None:
        peers = Peer.objects.confirmed()
        if peer:
            peers = peers.filter(url=services.normalise(peer))
            if not peers:
                raise CommandError(f"No confirmed peer at {peer}.")
        failed = False
        for one in peers:
            try:
                report = services.harvest(one)
            except services.PeerBusy:
                self.stdout.write(f"{one.url}: being harvested by another worker, left alone")
                continue
            failed = failed or bool(report.error)
            self.stdout.write(str(report))
        if failed:
            raise CommandError("Some peers could not be harvested; see above.")

    def register(self, *, url: str, **options) -> None:
        try:
            peer = services.register_peer(url)
        except services.RegistrationError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{peer} <{peer.url}>: {peer.get_status_display()}")
