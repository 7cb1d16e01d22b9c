from .audit import AuditChainHead, AuditRecord
from .berichten import Bericht, Berichtvoorkeur
from .kalender import GelijkgesteldeDag

__all__ = ["AuditChainHead", "AuditRecord", "Bericht", "Berichtvoorkeur", "GelijkgesteldeDag"]
