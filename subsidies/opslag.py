"""Where uploaded documents are kept: a private folder (`DOCUMENTEN_ROOT`), outside anything the web server
serves and without URLs; a document leaves only through the download view, which checks who asks."""
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils import timezone


class DocumentenOpslag(FileSystemStorage):
    """Reads DOCUMENTEN_ROOT on every use, so a changed setting (a test's own folder) takes effect at once."""

    @property
    def base_location(self):
        return settings.DOCUMENTEN_ROOT

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    def url(self, name):
        raise ValueError("Documenten hebben geen publieke URL; zij gaan alleen via de downloadview naar buiten.")


_opslag = DocumentenOpslag()


def documenten_opslag() -> DocumentenOpslag:
    return _opslag


def opslagnaam(document, filename: str) -> str:
    """A random name with the checked extension: the client's name (kept in `oorspronkelijke_naam`) never
    becomes a path."""
    return f"aanvragen/{timezone.localdate().year}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"
