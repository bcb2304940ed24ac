from .adoptions import Adoption, AdoptionStatus
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
    "Adoption", "AdoptionStatus", "CaseStudyDocument", "CaseStudyKPI", "CaseStudyPage",
    "CaseStudyPartner", "CatalogueIndexPage", "DocumentType", "DocumentVisibility",
    "EvidenceLevel", "FundingModel", "MaturityStage", "PartnershipModel", "ServiceDomain", "Theme",
]
