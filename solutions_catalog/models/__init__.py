from .case_studies import (
    CaseStudyDocument,
    CaseStudyKPI,
    CaseStudyPage,
    CaseStudyPartner,
    CatalogueIndexPage,
    DocumentType,
    DocumentVisibility,
)
from .taxonomy import (
    EvidenceLevel,
    FundingModel,
    MaturityStage,
    PartnershipModel,
    ServiceDomain,
    Theme,
)

__all__ = [
    "CaseStudyDocument", "CaseStudyKPI", "CaseStudyPage", "CaseStudyPartner",
    "CatalogueIndexPage", "DocumentType", "DocumentVisibility", "EvidenceLevel", "FundingModel",
    "MaturityStage", "PartnershipModel", "ServiceDomain", "Theme",
]
