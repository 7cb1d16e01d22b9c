from .audit import AuditChainHead, AuditRecord
from .kalender import GelijkgesteldeDag

__all__ = ["AuditChainHead", "AuditRecord", "GelijkgesteldeDag"]
