"""REST API of MCDA deployments and the activities that depend on them."""
