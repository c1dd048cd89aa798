"""REST API of the cell: cell requests and RFAs."""
