"""REST API of contacts (CIMIC and liaison people), with vCard export."""
