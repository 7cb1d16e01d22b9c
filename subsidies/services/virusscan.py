"""An optional virus scan by ClamAV: every upload is streamed to clamd when `CLAMD_SOCKET` names its socket.

clamd's INSTREAM protocol over its unix socket: the command, then the data in chunks each preceded by its length
(4 bytes, network order), a zero length to end; clamd answers `stream: OK` or `stream: <name> FOUND`. A configured
scanner that cannot be reached, or answers anything else, refuses the upload (503, try again later): a file is
never accepted unscanned once scanning is switched on.
"""
import socket
import struct

from django.conf import settings

from workflows.errors import InvalidInput, Unavailable

CHUNK = 64 * 1024
TIMEOUT = 30  # seconds for connecting and for each answer; a 10 MB scan takes well under that


def _onbereikbaar() -> Unavailable:
    return Unavailable(
        "Wij kunnen het bestand nu niet op virussen controleren. Er is niets opgeslagen. Probeer het later opnieuw.",
        "We cannot check the file for viruses right now. Nothing was saved. Please try again later.",
        code="virusscan_niet_beschikbaar")


def _instream(pad: str, data: bytes) -> str:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as verbinding:
        verbinding.settimeout(TIMEOUT)
        verbinding.connect(pad)
        verbinding.sendall(b"zINSTREAM\0")
        for begin in range(0, len(data), CHUNK):
            deel = data[begin:begin + CHUNK]
            verbinding.sendall(struct.pack("!I", len(deel)) + deel)
        verbinding.sendall(struct.pack("!I", 0))
        antwoord = b""
        while not antwoord.endswith(b"\0") and (ontvangen := verbinding.recv(4096)):
            antwoord += ontvangen
    return antwoord.rstrip(b"\0").decode("utf-8", "replace").strip()


def scan(data: bytes) -> None:
    """Nothing when no scanner is configured or it finds the file clean; else refuse."""
    pad = settings.CLAMD_SOCKET
    if not pad:
        return
    try:
        antwoord = _instream(pad, data)
    except OSError as error:
        raise _onbereikbaar() from error
    if antwoord.endswith(" FOUND"):
        raise InvalidInput(
            "In het bestand is een virus gevonden. Wij hebben het niet opgeslagen. Controleer uw computer en "
            "stuur een schoon bestand.",
            "A virus was found in the file. We did not save it. Check your computer and send a clean file.",
            code="virus_gevonden",
            details={"velden": ["bestand"], "virus": antwoord.removeprefix("stream:").removesuffix("FOUND").strip()})
    if not antwoord.endswith(" OK"):  # e.g. "INSTREAM size limit exceeded. ERROR"
        raise _onbereikbaar()
