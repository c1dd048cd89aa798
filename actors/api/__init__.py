"""REST API of actors, mandates and links between actors."""
