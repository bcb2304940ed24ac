from .adoptions import (
    STAGE_ORDER,
    AdaptedAspect,
    Adoption,
    AdoptionResult,
    AdoptionStage,
    AdoptionStatus,
    DropReason,
    not_in_future,
)
from .case_studies import (
    CaseStudyDocument,
    CaseStudyImage,
    CaseStudyKPI,
    CaseStudyPage,
    CaseStudyPartner,
    CatalogueIndexPage,
    DocumentType,
    DocumentVisibility,
)
from .challenges import Challenge, ChallengeResponse
from .datasets import DataFormat, DataSet
from .follows import CaseStudyFollow
from .offerings import Deployment, DeploymentStatus, PricingModel, VendorOffering
from .taxonomy import (
    EvidenceLevel,
    FundingModel,
    MaturityStage,
    PartnershipModel,
    ServiceDomain,
    Theme,
)
from .translations import TranslationRequest

__all__ = [
    "STAGE_ORDER",
    "AdaptedAspect",
    "Adoption",
    "AdoptionResult",
    "AdoptionStage",
    "AdoptionStatus",
    "CaseStudyDocument",
    "CaseStudyFollow",
    "CaseStudyImage",
    "CaseStudyKPI",
    "CaseStudyPage",
    "CaseStudyPartner",
    "CatalogueIndexPage",
    "Challenge",
    "ChallengeResponse",
    "DataFormat",
    "DataSet",
    "Deployment",
    "DeploymentStatus",
    "DocumentType",
    "DocumentVisibility",
    "DropReason",
    "EvidenceLevel",
    "FundingModel",
    "MaturityStage",
    "PartnershipModel",
    "PricingModel",
    "ServiceDomain",
    "Theme",
    "TranslationRequest",
    "VendorOffering",
    "not_in_future",
]
