from .bids import (
    FINAL,
    PREPARING,
    Bid,
    BidPartner,
    BidQuerySet,
    BidStatus,
    BidTransition,
    LeadShare,
    PartnerRole,
)
from .calendars import DeadlineFeed
from .collaboration import (
    ActivityKind,
    BidActivity,
    BidComment,
    BidDocument,
    BidDocumentVersion,
    BidTask,
    FundingReminderSent,
)
from .opportunities import (
    FunderType,
    FundingOpportunity,
    OpportunityAudience,
    OpportunityStatus,
)

__all__ = [
    "FINAL", "PREPARING", "ActivityKind", "Bid", "BidActivity", "BidComment", "BidDocument",
    "BidDocumentVersion", "BidPartner", "BidQuerySet", "BidStatus", "BidTask",
    "BidTransition", "DeadlineFeed", "FunderType", "FundingOpportunity", "FundingReminderSent",
    "LeadShare", "OpportunityAudience", "OpportunityStatus", "PartnerRole",
]
