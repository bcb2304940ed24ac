# Meeting series, meetings and registrations arrive with the events issue.
