"""The REST API's shared pieces: scoping, fields, base serializer and viewsets, errors, schema.

Every resource's viewset is configuration on top of ``viewsets.ScopedViewSet``: the queryset
always starts from ``Model.objects.for_user(request.user)``, writes go through the services.
"""
