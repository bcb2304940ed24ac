"""Replication lineage over generations: A → B → C, whichever language version each city
adopted (adoptions link case studies by translation key). Read in a fixed number of queries
whatever the number of adoptions: the adoption links are small rows, read at once."""

from collections import defaultdict, deque
from dataclasses import dataclass, field
from uuid import UUID

from django.utils.translation import get_language

from members.models import Organisation

from .harvested import RemoteAdopter, remote_adoptions
from .models import Adoption, AdoptionStatus, CaseStudyPage

# Drawing: one column per generation, one row per case study in it (SVG user units).
COLUMN, ROW, BOX_WIDTH, BOX_HEIGHT, MARGIN = 230, 74, 190, 54, 12


@dataclass
class LineageNode:
    """A case study in the lineage (``page`` is the version the reader sees, None when it is
    not published) or, for an adopter without its own case study, the adopting city."""

    city: Organisation
    page: CaseStudyPage | None
    generation: int = 0
    row: int = 0
    current: bool = False
    status: str = ""  # how far the adopter got, for every node but the first
    status_label: str = ""
    parent: "LineageNode | None" = None
    node: str = ""  # the peer portal an adoption was recorded at, for a harvested one

    @property
    def x(self) -> int:
        return MARGIN + self.generation * COLUMN

    @property
    def y(self) -> int:
        return MARGIN + self.row * ROW

    @property
    def title(self) -> str:
        return self.page.title if self.page is not None else ""


@dataclass(frozen=True)
class LineageLink:
    source: LineageNode
    target: LineageNode

    @property
    def path(self) -> str:
        """An SVG path from the source's right edge to the target's left edge."""
        x1, y1 = self.source.x + BOX_WIDTH, self.source.y + BOX_HEIGHT // 2
        x2, y2 = self.target.x - 6, self.target.y + BOX_HEIGHT // 2
        middle = (x1 + x2) // 2
        return f"M{x1},{y1} C{middle},{y1} {middle},{y2} {x2},{y2}"


@dataclass
class Lineage:
    nodes: list[LineageNode] = field(default_factory=list)
    links: list[LineageLink] = field(default_factory=list)

    box_width: int = BOX_WIDTH
    box_height: int = BOX_HEIGHT

    def __bool__(self) -> bool:
        return bool(self.links)

    @property
    def generations(self) -> list[list[LineageNode]]:
        columns: dict[int, list[LineageNode]] = defaultdict(list)
        for node in self.nodes:
            columns[node.generation].append(node)
        return [columns[g] for g in sorted(columns)]

    @property
    def width(self) -> int:
        return 2 * MARGIN + (len(self.generations) - 1) * COLUMN + BOX_WIDTH

    @property
    def height(self) -> int:
        rows = max((len(column) for column in self.generations), default=1)
        return 2 * MARGIN + (rows - 1) * ROW + BOX_HEIGHT

    @property
    def chains(self) -> list[list[LineageNode]]:
        """Each path from a first generation to a last one (A → B → C), for the text."""
        children = defaultdict(list)
        for link in self.links:
            children[id(link.source)].append(link.target)
        found: list[list[LineageNode]] = []

        def walk(path: list[LineageNode]) -> None:
            following = children[id(path[-1])]
            if not following:
                found.append(path)
            for child in following:
                walk([*path, child])

        for node in self.nodes:
            if node.parent is None and node.generation == 0:
                walk([node])
        return found

    @property
    def relatives(self) -> set[UUID]:
        """The translation keys of the case studies in the lineage."""
        return {node.page.translation_key for node in self.nodes if node.page is not None}


def _edges() -> list[dict]:
    """The adoption links: this node's adoptions of its own case studies, and those peers
    recorded of them (harvested). Replications of a case study harvested from a peer are
    that peer's lineage: it shows them once it harvests this node."""
    edges = list(Adoption.objects.filter(origin__isnull=False).values(
        "pk", "status", "adopter_id", "origin__city_id", "origin__translation_key",
        "adopter_case_study__translation_key"))
    for remote in remote_adoptions():
        try:
            key = UUID(remote.origin_key)
        except ValueError:
            continue
        edges.append({"pk": remote.pk, "status": remote.status, "adopter_id": remote.adopter,
                      "origin__city_id": None, "origin__translation_key": key,
                      "adopter_case_study__translation_key": None, "node": remote.node})
    return edges


def lineage_of(page: CaseStudyPage) -> Lineage:
    """Every case study replicated from or into ``page``, over all generations."""
    edges = _edges()
    own_key = page.translation_key
    # A node: ("page", translation key) or ("city", adoption pk) for an adopter without one.
    neighbours: dict[tuple, set[tuple]] = defaultdict(set)
    parents: dict[tuple, tuple[tuple, dict]] = {}
    city_of: dict[tuple, int] = {}
    for edge in edges:
        source = ("page", edge["origin__translation_key"])
        target = (("page", edge["adopter_case_study__translation_key"])
                  if edge["adopter_case_study__translation_key"] else ("city", edge["pk"]))
        neighbours[source].add(target)
        neighbours[target].add(source)
        parents.setdefault(target, (source, edge))
        if edge["origin__city_id"] is not None:
            city_of.setdefault(source, edge["origin__city_id"])
        city_of[target] = edge["adopter_id"]
    start = ("page", own_key)
    if start not in neighbours:
        return Lineage()
    component, queue = {start}, deque([start])
    while queue:
        for other in neighbours[queue.popleft()] - component:
            component.add(other)
            queue.append(other)

    keys = [key for kind, key in component if kind == "page"]
    language = (get_language() or "ko")[:2]
    pages = {p.translation_key: p for p in CaseStudyPage.objects.for_reader(language)
             .filter(translation_key__in=keys).select_related("city")}
    cities: dict = Organisation.objects.in_bulk(
        {city_of[n] for n in component if isinstance(city_of.get(n), int)})
    labels = dict(AdoptionStatus.choices)
    nodes: dict[tuple, LineageNode] = {}
    for node in component:
        page_here = pages.get(node[1]) if node[0] == "page" else None
        edge = parents.get(node, (None, None))[1]
        if page_here is None and not isinstance(city_of.get(node), int | RemoteAdopter):
            continue  # a case study of this node no longer published: nothing to show
        city = (page_here.city if page_here else cities.get(city_of[node], city_of[node]))
        nodes[node] = LineageNode(
            city=city, page=page_here,
            current=node == start, status=edge["status"] if edge else "",
            status_label=str(labels.get(edge["status"], "")) if edge else "",
            node=edge.get("node", "") if edge else "")

    def generation(node: tuple, seen: frozenset = frozenset()) -> int:
        parent = parents.get(node)
        if parent is None or parent[0] in seen or parent[0] not in component:
            return 0
        return 1 + generation(parent[0], seen | {node})

    links = []
    for node, lineage_node in nodes.items():
        lineage_node.generation = generation(node)
        parent = parents.get(node)
        if parent is not None and parent[0] in nodes and lineage_node.generation:
            lineage_node.parent = nodes[parent[0]]
            links.append(LineageLink(nodes[parent[0]], lineage_node))
    ordered = sorted(nodes.values(), key=lambda n: (n.generation, str(n.city.name), n.title))
    rows: dict[int, int] = defaultdict(int)
    for lineage_node in ordered:
        lineage_node.row = rows[lineage_node.generation]
        rows[lineage_node.generation] += 1
    return Lineage(ordered, links)
