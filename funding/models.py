# Funding opportunities and bids arrive with the funding issue.
