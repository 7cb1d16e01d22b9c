"""Every text of the web faces is in English too: each face app's catalogue is complete, covers every text in its
templates and code, and is compiled. The English switch works on the start page.

A face is an app in settings.WEB_FACES; its catalogue is <app>/locale/en/LC_MESSAGES/django.po (`make messages`
updates and compiles it; fill each new msgstr by hand). Pure Python: no GNU gettext needed to run these checks.
"""
import ast
import gettext
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.utils.translation.template import templatize

from tests.web.html import lees

GETTEXT_NAMES = {"gettext", "gettext_lazy", "gettext_noop", "_", "ngettext", "ngettext_lazy", "pgettext",
                 "pgettext_lazy", "npgettext", "npgettext_lazy"}


# --- reading catalogues -----------------------------------------------------------------------------------------
class Entry:
    def __init__(self):
        self.msgctxt = None
        self.msgid = ""
        self.msgid_plural = None
        self.msgstr: dict[int, str] = {}
        self.flags: set[str] = set()

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file (obsolete `#~` entries left out), the header included (msgid "")."""
    entries, entry, field = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if not line or line.startswith("#~"):
            if entry is not None:
                entries.append(entry)
            entry, field = None, None
            continue
        if entry is None:
            entry = Entry()
        if line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            _append(entry, field, ast.literal_eval(line))
        else:
            keyword, _, value = line.partition(" ")
            field = keyword
            _append(entry, field, ast.literal_eval(value), start=True)
    return entries


def _append(entry, field, text, start=False):
    if field == "msgctxt":
        entry.msgctxt = (entry.msgctxt or "") + text
    elif field == "msgid":
        entry.msgid += text
    elif field == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + text
    elif field.startswith("msgstr"):
        index = int(field[7:-1]) if "[" in field else 0
        entry.msgstr[index] = ("" if start else entry.msgstr.get(index, "")) + text


def untranslated(entries: list[Entry]) -> list[str]:
    """Entries an English reader would see in Dutch: an empty msgstr (any plural form) or a fuzzy guess."""
    return [entry.msgid for entry in entries if entry.msgid
            and ("fuzzy" in entry.flags or not entry.msgstr or not all(entry.msgstr.values()))]


def compiled_differs(entries: list[Entry], mo: Path) -> list[str]:
    """What the .mo says differently from the .po (e.g. a .po changed without `make messages`)."""
    with mo.open("rb") as file:
        catalog = dict(gettext.GNUTranslations(file)._catalog)
    expected = {}
    for entry in entries:
        if not entry.msgid or "fuzzy" in entry.flags or not all(entry.msgstr.values()):
            continue  # msgfmt leaves these out
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural is None:
            expected[key] = entry.msgstr[0]
        else:
            expected.update({(key, n): text for n, text in entry.msgstr.items()})
    catalog.pop("", None)
    return sorted(str(key) for key in expected.keys() | catalog.keys() if expected.get(key) != catalog.get(key))


# --- finding the texts of an app ------------------------------------------------------------------------------------
def texts_in_template(source: str, origin: str) -> set[tuple[str | None, str]]:
    """The (context, msgid) of every translate/blocktranslate tag, as makemessages finds them (via templatize)."""
    code = templatize(source, origin=origin)
    found = set()
    for match in re.finditer(r"\b(npgettext|pgettext|ngettext|gettext)\(", code):
        strings = _string_arguments(code, match.end())
        if match.group(1).startswith(("p", "np")):
            found.add((strings[0], strings[1]))
        else:
            found.add((None, strings[0]))
    return found


def _string_arguments(code: str, position: int) -> list[str]:
    """The string literals of a call in templatize's output, from just after its "(" to its ")"."""
    strings = []
    while code[position] != ")":
        if code[position] in "u'\"" and re.match(r"u?['\"]", code[position:]):
            literal = re.match(r"u?('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")", code[position:], re.S)
            strings.append(ast.literal_eval(literal.group(1)))
            position += literal.end()
        else:
            position += 1
    return strings


def texts_in_python(source: str) -> set[tuple[str | None, str]]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", None))
        if name not in GETTEXT_NAMES:
            continue
        args = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
        if name.startswith(("pgettext", "npgettext")) and len(args) >= 2:
            found.add((args[0], args[1]))
        elif args:
            found.add((None, args[0]))
    return found


def texts_of_app(app_path: Path) -> dict[tuple[str | None, str], str]:
    """Every translatable text in the app's templates and Python code, with the file it is in."""
    found = {}
    for path in sorted(app_path.rglob("*")):
        if "locale" in path.parts or "migrations" in path.parts:
            continue
        if path.suffix in (".html", ".txt") and "templates" in path.parts:
            texts = texts_in_template(path.read_text(encoding="utf-8"), str(path))
        elif path.suffix == ".py":
            texts = texts_in_python(path.read_text(encoding="utf-8"))
        else:
            continue
        found.update({text: str(path.relative_to(app_path)) for text in texts})
    return found


def catalogue(app_path: Path) -> Path:
    return app_path / "locale" / "en" / "LC_MESSAGES" / "django.po"


FACES = [apps.get_app_config(label) for label in settings.WEB_FACES]


# --- the faces' catalogues --------------------------------------------------------------------------------------
@pytest.mark.parametrize("face", FACES, ids=lambda face: face.label)
def test_every_text_of_a_face_has_its_english_translation(face):
    po = catalogue(Path(face.path))
    assert po.exists(), f"{face.label} has no English catalogue: run `make messages`, then fill it in"
    entries = read_po(po)

    assert untranslated(entries) == [], f"untranslated or fuzzy in {po}"
    in_catalogue = {entry.key for entry in entries}
    missing = {text: where for text, where in texts_of_app(Path(face.path)).items() if text not in in_catalogue}
    assert missing == {}, f"texts not in {po}: run `make messages` and translate them"


@pytest.mark.parametrize("face", FACES, ids=lambda face: face.label)
def test_the_compiled_catalogue_is_the_po_file(face):
    po = catalogue(Path(face.path))
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run `make messages`"
    assert compiled_differs(read_po(po), mo) == [], f"{mo} is not {po} compiled: run `make messages`"


def test_every_app_with_pages_of_the_faces_is_a_face():
    """A new face (werkbank/, controle/) must be in WEB_FACES, or the checks above would pass it by."""
    pages = {config.label for config in apps.get_app_configs()
             if Path(config.path).is_relative_to(settings.BASE_DIR)
             for template in (Path(config.path) / "templates").rglob("*.html")
             if re.search(r"""{%\s*extends\s+["']web/base\.html["']""", template.read_text(encoding="utf-8"))}
    assert pages and pages <= set(settings.WEB_FACES)


def test_the_checks_find_an_empty_a_fuzzy_a_missing_and_an_uncompiled_translation(tmp_path):
    po = tmp_path / "django.po"
    po.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Ja"\nmsgstr "Yes"\n\n'
                  'msgid "Nee"\nmsgstr ""\n\n'
                  '#, fuzzy\nmsgid "Misschien"\nmsgstr "Maybe"\n\n'
                  'msgid "%(n)s dag"\nmsgid_plural "%(n)s dagen"\nmsgstr[0] "%(n)s day"\nmsgstr[1] ""\n',
                  encoding="utf-8")
    entries = read_po(po)
    assert untranslated(entries) == ["Nee", "Misschien", "%(n)s dag"]

    template = '{% load i18n %}{% translate "Ja" %}{% translate "Mei" context "maand" %}' \
               '{% blocktranslate trimmed count n=3 %}\n {{ n }} dag\n{% plural %}{{ n }} dagen{% endblocktranslate %}'
    assert texts_in_template(template, "t.html") == {(None, "Ja"), ("maand", "Mei"), (None, "%(n)s dag")}
    assert texts_in_python('from django.utils.translation import gettext_lazy as _\nx = _("Ja")\n'
                           'y = pgettext("maand", "Mei")\nz = f(gettext("Nee"))') == {
        (None, "Ja"), ("maand", "Mei"), (None, "Nee")}

    web_mo = catalogue(Path(apps.get_app_config("web").path)).with_suffix(".mo")
    assert compiled_differs(entries, web_mo)  # another catalogue's .mo is not this one


# --- the language switch ------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_english_switch_turns_the_start_page_english_and_it_stays_english(client):
    dutch = lees(client.get("/").content.decode())
    assert dutch.een("html").attrs["lang"] == "nl"
    assert dutch.een("h1").tekst == "Subsidies voor de sociale basis"
    switch = dutch.een("button", name="language")
    assert (switch.attrs["value"], switch.attrs["lang"], switch.tekst) == ("en", "en", "English")

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)

    english = lees(response.content.decode())
    assert response.redirect_chain == [("/", 302)]
    assert english.een("html").attrs["lang"] == "en"
    assert english.een("h1").tekst == "Grants for the community (sociale basis)"
    assert english.een("button", name="language").tekst == "Nederlands"
    next_page = lees(client.get("/toegankelijkheid/").content.decode())
    assert next_page.een("h1").tekst == "Accessibility"
    assert next_page.een("a", href="#inhoud").tekst == "Skip to content"
