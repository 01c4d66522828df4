"""Builds generated_client/ from openapi.yaml with openapi-python-client and checks it for drift."""
