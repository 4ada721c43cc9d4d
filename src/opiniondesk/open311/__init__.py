"""Open311 GeoReport v2: citizens' service requests become feedback documents and, once an
analyst accepts them, cases whose state the request's status follows."""
