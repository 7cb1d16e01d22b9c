"""A small HTML reader for the web tests: elements by id, selector-free, standard library only."""
from dataclasses import dataclass, field
from html.parser import HTMLParser

LEEG = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict
    kinderen: list = field(default_factory=list)
    ouder: "Element | None" = None

    @property
    def tekst(self) -> str:
        return " ".join(" ".join(k if isinstance(k, str) else k.tekst for k in self.kinderen).split())

    @property
    def klassen(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def alle(self, tag=None, **attrs):
        """Every descendant with this tag (any when None) and these attribute values (class_: one of its classes,
        for_: the for attribute, aria_x: aria-x)."""
        for kind in self.kinderen:
            if isinstance(kind, Element):
                if _past(kind, tag, attrs):
                    yield kind
                yield from kind.alle(tag, **attrs)

    def een(self, tag=None, **attrs) -> "Element":
        gevonden = list(self.alle(tag, **attrs))
        assert len(gevonden) == 1, f"{len(gevonden)} elements <{tag} {attrs}>"
        return gevonden[0]

    def voorouders(self):
        ouder = self.ouder
        while ouder is not None:
            yield ouder
            ouder = ouder.ouder


def _past(element, tag, attrs):
    if tag and element.tag != tag:
        return False
    for naam, waarde in attrs.items():
        if naam == "class_":
            if waarde not in element.klassen:
                return False
        elif element.attrs.get(naam.rstrip("_").replace("_", "-")) != waarde:  # for_ is for, aria_invalid aria-invalid
            return False
    return True


class _Lezer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.wortel = self.huidig = Element("#document", {})

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: (v if v is not None else "") for k, v in attrs}, ouder=self.huidig)
        self.huidig.kinderen.append(element)
        if tag not in LEEG:
            self.huidig = element

    def handle_endtag(self, tag):
        element = self.huidig
        while element is not None and element.tag != tag:
            element = element.ouder
        if element is not None and element.ouder is not None:
            self.huidig = element.ouder

    def handle_data(self, data):
        self.huidig.kinderen.append(data)


def lees(html: str) -> Element:
    lezer = _Lezer()
    lezer.feed(str(html))
    return lezer.wortel
