"""REST API of meetings: forums, meetings and action points."""
