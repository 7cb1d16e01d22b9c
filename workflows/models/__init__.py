from .audit import AuditChainHead, AuditRecord
from .berichten import Bericht
from .kalender import GelijkgesteldeDag

__all__ = ["AuditChainHead", "AuditRecord", "Bericht", "GelijkgesteldeDag"]
