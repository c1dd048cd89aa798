"""REST API of the cell: forums, meetings, action points, cell requests and RFAs."""
