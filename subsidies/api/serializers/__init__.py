"""Serializers: shapes of the API's resources, one module per resource group. Rules live in the models'
transitions and in services. Everything is importable from here, as it was from the single module before."""
from .aanvragen import (
    AanvraagListSerializer, AanvraagSerializer, AanvullingSerializer, BegrotingsregelSerializer, DocumentSerializer,
    DownloadField, JaarbedragSerializer,
)
from .acties import ActieSerializer, TransitieSerializer
from .audit import AuditRecordSerializer
from .base import (
    BEDRAG, BOEKJAAR, BedragenPerJaarField, DoelSerializer, PubliekeStatusField, ResultaatSerializer, StrictSerializer,
    VoorwaardenSerializer, eigen,
)
from .begroting import (
    BegrotingsjaarSerializer, BudgetOverzichtSerializer, MeerjarenramingQuerySerializer, MeerjarenramingSerializer,
)
from .besluiten import BeschikkingSerializer, BezwaarSerializer, BriefTaalSerializer
from .ingebrekestellingen import DwangsombetalingSerializer, IngebrekestellingSerializer
from .organisaties import BelangenverklaringSerializer, ContactpersoonSerializer, OrganisatieSerializer
from .regelingen import BudgetstatusSerializer, PlafondSerializer, RegelingSerializer
from .subsidies import (
    BeeindigingSerializer, BetaalrunResultaatSerializer, BetaalrunSerializer, BetalingSerializer, JaartrancheSerializer,
    ReserveSerializer, ReservemutatieSerializer, SubsidieSerializer, TrancheSamenvattingSerializer,
    VerplichtingSerializer,
)

__all__ = [
    "BEDRAG", "BOEKJAAR", "BedragenPerJaarField", "DoelSerializer", "PubliekeStatusField", "ResultaatSerializer",
    "StrictSerializer", "VoorwaardenSerializer", "eigen", "BudgetstatusSerializer", "PlafondSerializer",
    "RegelingSerializer", "BelangenverklaringSerializer", "ContactpersoonSerializer", "OrganisatieSerializer",
    "AanvraagListSerializer", "AanvraagSerializer", "AanvullingSerializer", "BegrotingsregelSerializer",
    "DocumentSerializer", "DownloadField", "JaarbedragSerializer", "DwangsombetalingSerializer",
    "IngebrekestellingSerializer", "BeschikkingSerializer", "BezwaarSerializer", "BriefTaalSerializer",
    "BeeindigingSerializer", "BetaalrunResultaatSerializer", "BetaalrunSerializer", "BetalingSerializer",
    "JaartrancheSerializer", "ReserveSerializer", "ReservemutatieSerializer", "SubsidieSerializer",
    "TrancheSamenvattingSerializer", "VerplichtingSerializer", "BegrotingsjaarSerializer", "BudgetOverzichtSerializer",
    "MeerjarenramingQuerySerializer", "MeerjarenramingSerializer", "ActieSerializer", "TransitieSerializer",
    "AuditRecordSerializer",
]
