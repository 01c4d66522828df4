"""Contract tests of openapi.yaml against the seed description and the documented exchanges."""
